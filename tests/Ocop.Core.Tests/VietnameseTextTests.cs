using Ocop.Core.Text;

namespace Ocop.Core.Tests;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Bánh tét", "banh tet")]
    [InlineData("BÁNH TÉT", "banh tet")]
    [InlineData("Đa Lộc", "da loc")]
    [InlineData("đường hoa dừa", "duong hoa dua")]
    [InlineData("Gạo hữu cơ Long Hòa – Hòa Minh", "gao huu co long hoa – hoa minh")]
    [InlineData("  Mật   ong\thoa dừa  ", "mat ong hoa dua")]
    [InlineData("Hoà", "hoa")] // old-style tone placement folds the same as new style
    [InlineData("Hòa", "hoa")]
    [InlineData("Rượu Xuân Thạnh", "ruou xuan thanh")]
    [InlineData("Ỷ Ỹ Ỵ", "y y y")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Fold_removes_diacritics_case_and_extra_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Text_typed_without_diacritics_is_found_in_folded_names() =>
        Assert.Contains(VietnameseText.Fold("banh tet"), VietnameseText.Fold("Bánh tét lá cẩm Đa Lộc"), StringComparison.Ordinal);

    [Fact]
    public void Decomposed_input_folds_like_precomposed_input() =>
        Assert.Equal(VietnameseText.Fold("Bánh tét"), VietnameseText.Fold("Bánh tét".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Search_key_joins_present_parts_and_skips_empty_ones() =>
        Assert.Equal("hop tac xa tien thanh nguyen van tien", VietnameseText.SearchKey("Hợp tác xã Tiến Thành", null, "Nguyễn Văn Tiến", " "));
}
