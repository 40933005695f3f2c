#include "report/paper_layout.h"

#include <qrencode.h>

#include <cmath>
#include <memory>
#include <numeric>

namespace parley::report {

std::vector<double> ColumnWidths(std::span<const TableColumn> columns, double total) {
  const double sum = std::accumulate(columns.begin(), columns.end(), 0.0,
                                     [](double s, const TableColumn& c) { return s + c.weight; });
  std::vector<double> out;
  out.reserve(columns.size());
  for (const TableColumn& c : columns) out.push_back(sum > 0 ? total * c.weight / sum : 0);
  return out;
}

double AxisTop(double max) {
  if (!(max > 0)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(max)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

Result<std::vector<std::vector<bool>>> QrModules(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) {
    return Fail(ErrorCode::kInvalidInput,
                "the text (" + std::to_string(text.size()) + " bytes) does not fit a QR code");
  }
  const int width = code->width;
  std::vector<std::vector<bool>> rows(static_cast<std::size_t>(width),
                                      std::vector<bool>(static_cast<std::size_t>(width)));
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // libqrencode: bit 0 of each byte is the module's colour (1 = dark).
      rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] =
          (code->data[y * width + x] & 1) != 0;
    }
  }
  return rows;
}

}  // namespace parley::report
