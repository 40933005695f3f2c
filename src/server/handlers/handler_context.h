// parley/server/handlers/handler_context.h — what a route's handler may use besides its request and
// its workspace connection: the Api's long-lived state.
//
// Contract: a HandlerContext only refers to state that the Api owns (the access log, the
// options, the sign-in rate limiter and the three caches); it must not outlive that Api. The
// handler areas of api_handlers.h derive from it, so a handler reaches the state by the same
// member names the Api uses (`access_log_`, `tokens_`, ...) and cannot reach the pipeline
// (authentication, authorisation, CSRF), which stays private to the Api.
//
// Why references in one small object rather than a pointer to the Api: a handler sees what it
// may use and nothing else, and a handler area can be built for one call from the context
// (api_handlers.h), which costs a copy of six references.
//
//   HandlerContext context{access_log, options, limiter, tokens, record_texts, review_pages};
//   ApiResponse res = route.handler(context, request, workspace);
#pragma once

#include "server/access_log.h"
#include "server/auth/login_rate_limiter.h"
#include "server/auth/token_cache.h"
#include "server/caches/record_json_cache.h"
#include "server/caches/review_page_cache.h"

namespace parley::server {

struct ApiOptions;  // api.h

class HandlerContext {
 public:
  HandlerContext(AccessLog& access_log, const ApiOptions& options, LoginRateLimiter& limiter,
                 TokenCache& tokens, RecordJsonCache& record_texts, ReviewPageCache& review_pages)
      : access_log_(access_log),
        options_(options),
        limiter_(limiter),
        tokens_(tokens),
        record_texts_(record_texts),
        review_pages_(review_pages) {}

 protected:
  AccessLog& access_log_;          // every person record a handler returns is written here
  const ApiOptions& options_;      // secure cookies
  LoginRateLimiter& limiter_;      // sign-in attempts
  TokenCache& tokens_;             // cleared when a user changes
  RecordJsonCache& record_texts_;  // record versions as JSON text
  ReviewPageCache& review_pages_;  // pages of the review queue
};

}  // namespace parley::server
