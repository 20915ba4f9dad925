using Ocop.Core.Registry;

namespace Ocop.Core.Tests;

public class GtinTests
{
    [Theory]
    [InlineData("8936012345674", true)]   // GTIN-13, Vietnam prefix 893
    [InlineData("8938505970011", true)]
    [InlineData("4006381333931", true)]
    [InlineData("96385074", true)]        // GTIN-8
    [InlineData("036000291452", true)]    // GTIN-12 (UPC-A)
    [InlineData("10614141000415", true)]  // GTIN-14
    [InlineData("8936012345672", false)]  // wrong check digit
    [InlineData("4006381333932", false)]
    [InlineData("96385075", false)]
    [InlineData("893601234568", false)]   // GTIN-12 with a wrong check digit
    [InlineData("893601234567X", false)]  // not all digits
    [InlineData("８９３６０１２３４５６７４", false)] // full-width digits are not ASCII digits
    [InlineData("1234567", false)]        // no such length
    [InlineData("123456789012345", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validity_follows_length_digits_and_check_digit(string? code, bool valid) =>
        Assert.Equal(valid, Gtin.IsValid(code));

    [Theory]
    [InlineData("893601234567", 4)]
    [InlineData("400638133393", 1)]
    [InlineData("9638507", 4)]
    [InlineData("000000000000", 0)]
    public void Check_digit_weights_3_and_1_from_the_right(string digits, int expected) =>
        Assert.Equal(expected, Gtin.CheckDigit(digits));
}
