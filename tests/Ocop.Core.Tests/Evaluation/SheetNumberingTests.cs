using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class SheetNumberingTests
{
    [Theory]
    [InlineData("1.1. Nguồn gốc sản phẩm", "1.1.", "Nguồn gốc sản phẩm")]
    [InlineData("6.2 Nước pha", "6.2.", "Nước pha")]
    [InlineData("8 CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM", "8.", "CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM")]
    [InlineData("6.1.1. Tạp chất", "6.1.1.", "Tạp chất")]
    [InlineData("a) Nguồn gốc sản phẩm", "a)", "Nguồn gốc sản phẩm")]
    [InlineData("a ) HƯỚNG DẪN SỬ DỤNG", "a)", "HƯỚNG DẪN SỬ DỤNG")]
    [InlineData("a. Trường hợp 1: Cộng đồng dịch vụ du lịch", "a.", "Trường hợp 1: Cộng đồng dịch vụ du lịch")]
    [InlineData("a)", "a)", "")]
    [InlineData("- Tạp chất", "-", "Tạp chất")]
    [InlineData("Sản phẩm 100% nguyên liệu", "", "Sản phẩm 100% nguyên liệu")]
    [InlineData("10. ĐẢM BẢO CHẤT LƯỢNG", "10.", "ĐẢM BẢO CHẤT LƯỢNG")]
    public void A_printed_heading_splits_into_its_number_and_title(string printed, string number, string title)
    {
        var heading = SheetNumbering.Split(printed);
        Assert.Equal(number, heading.Number);
        Assert.Equal(title, heading.Title);
    }

    public static TheoryData<string, int, string, string, string> Criteria => new()
    {
        // basis, set, criterion code, heading printed on the page, reference in messages
        { "26/2026", 1, "A1.1", "1.1. Nguồn gốc sản phẩm", "1.1" },
        { "26/2026", 1, "C4.1", "", "9" },
        { "148/2023", 1, "A1.a", "a) Nguồn gốc sản phẩm", "1a" },
        { "148/2023", 2, "C2.a", "", "7" },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public void Each_criterion_prints_its_number_once(string basis, int set, string code, string heading, string reference)
    {
        var sheet = RealSheets.Sheet(basis, set);
        var scored = sheet.FindScored(code)!;
        var printed = SheetNumbering.OfCriterion(scored.Group, scored.Criterion).ToString();
        Assert.Equal(heading, printed);
        Assert.DoesNotContain(code, printed, StringComparison.Ordinal);
        Assert.Equal(reference, SheetNumbering.Reference(scored));
    }

    [Fact]
    public void A_groups_only_criterion_keeps_only_what_it_adds_to_the_groups_heading()
    {
        var nutrition = RealSheets.Sheet("26/2026", 1).FindScored("C2.1")!;
        var heading = SheetNumbering.OfCriterion(nutrition.Group, nutrition.Criterion);
        Assert.Equal("", heading.Number);
        Assert.StartsWith("(Chỉ ra hàm lượng", heading.Title, StringComparison.Ordinal);
        Assert.Equal("7.", SheetNumbering.OfGroup(nutrition.Group).Number);
    }

    [Theory]
    [InlineData("148/2023", 11, "C1.a.1", "6a-1")]
    [InlineData("26/2026", 11, "C1.1.1", "6.1.1")]
    public void A_sub_criterion_is_referred_to_under_its_criterion(string basis, int set, string code, string reference)
    {
        var sheet = RealSheets.Sheet(basis, set);
        var scored = sheet.FindScored(code);
        Assert.NotNull(scored);
        Assert.Equal(reference, SheetNumbering.Reference(scored));
    }

    [Theory]
    [InlineData("148/2023")]
    [InlineData("26/2026")]
    public void No_criterion_of_a_real_sheet_prints_a_number_twice(string basis)
    {
        foreach (var sheet in RealSheets.For(basis).Sheets)
        {
            foreach (var scored in sheet.ScoredCriteria)
            {
                var group = SheetNumbering.OfGroup(scored.Group);
                var criterion = SheetNumbering.OfCriterion(scored.Group, scored.Criterion);
                Assert.False(criterion.Number.Length > 0 && criterion.Number == group.Number && criterion.Title == group.Title,
                    $"{sheet.ProductSetNumber} {scored.Leaf.Code}: “{criterion}” repeats the group");
                Assert.DoesNotMatch(@"^\d+(\.\d+)*\.?\s", criterion.Title);
                Assert.False(string.IsNullOrWhiteSpace(SheetNumbering.Reference(scored)), $"{sheet.ProductSetNumber} {scored.Leaf.Code}");
            }
        }
    }
}
