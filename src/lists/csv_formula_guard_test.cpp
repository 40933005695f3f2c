#include "lists/csv_formula_guard.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(CsvFormulaGuard, TheSixLeadingCharactersOfAFormula) {
  EXPECT_TRUE(ReadsAsFormula("=HYPERLINK(\"http://x\",\"y\")"));
  EXPECT_TRUE(ReadsAsFormula("+cmd|' /C calc'!A0"));
  EXPECT_TRUE(ReadsAsFormula("-2+3+cmd|' /C calc'!A0"));
  EXPECT_TRUE(ReadsAsFormula("@SUM(1+1)*cmd|' /C calc'!A0"));
  EXPECT_TRUE(ReadsAsFormula("\t=1+1"));
  EXPECT_TRUE(ReadsAsFormula("\r=1+1"));
}

TEST(CsvFormulaGuard, PlainNumbersAreLeftAlone) {
  for (const char* number : {"-5", "+380501234567", "-1.5", "-1,5", "+0", "42"}) {
    EXPECT_FALSE(ReadsAsFormula(number)) << number;
  }
}

TEST(CsvFormulaGuard, WhatOnlyLooksLikeANumberIsGuarded) {
  // A sign with anything beyond one decimal number is an expression a spreadsheet evaluates.
  for (const char* cell :
       {"-", "+", "-1+1", "+380 50 123 45 67", "-1.", "-.5", "-1.5.2", "-1e3", "-5 "}) {
    EXPECT_TRUE(ReadsAsFormula(cell)) << cell;
  }
}

TEST(CsvFormulaGuard, OrdinaryTextIsLeftAlone) {
  for (const char* cell : {"", "Шевченко", "Дем'яненко", "'=already text", " =1+1", "a=b",
                           "1991-03-07", "II+", "А0001"}) {
    EXPECT_FALSE(ReadsAsFormula(cell)) << cell;
  }
}

}  // namespace
}  // namespace parley
