// The agreement on paper (papers.h): what the parties and the mediator sign.
#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "report/paper_checkpoint.h"
#include "report/papers.h"
#include "rules/summary.h"

namespace parley::report {
namespace {

std::string SignatureStatus(const negotiation::StoredAgreement& stored, rules::Side party,
                            const Languages& languages) {
  for (const negotiation::AgreementSignature& s : stored.signatures) {
    if (s.party != rules::SideName(party)) continue;
    return Label(languages, Word::kSignedBy) + ": " + s.signer + ", " + s.signed_at;
  }
  return Label(languages, Word::kNotYetSigned);
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

Result<Paper> AgreementPaper(store::Workspace& ws, const std::string& name,
                             const Languages& languages) {
  PARLEY_ASSIGN_OR_RETURN(negotiation::StoredAgreement stored,
                          negotiation::FindAgreement(ws, name, std::nullopt));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement agreement, negotiation::ParseStored(stored));
  const std::string doc_id = "agreement-" + stored.name + "-v" + std::to_string(stored.version);
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint cp, CurrentPaperCheckpoint(ws, doc_id));

  Paper paper{.title = stored.title.empty() ? stored.name : stored.title,
              .doc_id = doc_id,
              .checkpoint_line = FormatPaperCheckpoint(cp),
              .creation_date = stored.created_at,
              .languages = languages};
  auto& b = paper.blocks;
  b.push_back(Heading{Label(languages, Word::kAgreement) + ": " + paper.title});
  b.push_back(Paragraph{stored.name + ", " + Label(languages, Word::kVersion) + " " +
                        std::to_string(stored.version) + ", sha256 " + stored.sha256});
  b.push_back(Heading{Label(languages, Word::kParties), 2});
  b.push_back(Table{.columns = {{StackedLabel(languages, Word::kPartyA), 1},
                                {StackedLabel(languages, Word::kPartyB), 1},
                                {StackedLabel(languages, Word::kMediator), 1}},
                    .rows = {{agreement.party_a, agreement.party_b,
                              agreement.mediators.empty() ? Label(languages, Word::kNone)
                                                          : Joined(agreement.mediators)}}});
  b.push_back(Heading{Label(languages, Word::kPlainSummary), 2});
  if (!agreement.summary.empty()) b.push_back(Paragraph{agreement.summary});
  b.push_back(Paragraph{rules::DescribeAgreement(agreement)});
  b.push_back(Heading{Label(languages, Word::kAgreementText), 2});
  b.push_back(Paragraph{stored.source, true});
  b.push_back(Heading{Label(languages, Word::kSignatures), 2});
  b.push_back(Signatures{{
      {Label(languages, Word::kPartyA), agreement.party_a,
       SignatureStatus(stored, rules::Side::kA, languages)},
      {Label(languages, Word::kPartyB), agreement.party_b,
       SignatureStatus(stored, rules::Side::kB, languages)},
      {Label(languages, Word::kMediator), Joined(agreement.mediators), ""},
  }});
  return paper;
}

}  // namespace parley::report
