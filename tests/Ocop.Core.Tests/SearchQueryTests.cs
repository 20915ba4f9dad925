using Ocop.Core.Registry;
using Ocop.Core.Text;

namespace Ocop.Core.Tests;

public class SearchQueryTests
{
    private static string Key(string text) => VietnameseText.Fold(text);

    [Theory]
    // all words, any order, without diacritics, đ → d
    [InlineData("banh tet da loc", "Bánh tét lá cẩm Đa Lộc", "", "", true)]
    [InlineData("da loc banh tet", "Bánh tét lá cẩm Đa Lộc", "", "", true)]
    [InlineData("BÁNH  TÉT, Đa-Lộc", "Bánh tét lá cẩm Đa Lộc", "", "", true)]
    [InlineData("banh tet hoa minh", "Bánh tét lá cẩm Đa Lộc", "", "", false)]
    // a word may be found in the subject or the commune, old or new name
    [InlineData("gao tien thanh", "Gạo thơm hữu cơ", "Hợp tác xã Tiến Thành", "", true)]
    [InlineData("banh tet chau thanh", "Bánh tét lá cẩm", "Hộ kinh doanh Bà Năm", "Xã Đa Lộc | Xã Châu Thành", true)]
    // abbreviations read both ways
    [InlineData("htx tien thanh", "", "Hợp tác xã Tiến Thành", "", true)]
    [InlineData("hop tac xa tien thanh", "", "HTX Tiến Thành", "", true)]
    [InlineData("tht rau sach", "", "Tổ hợp tác rau sạch Hòa Lợi", "", true)]
    [InlineData("dntn minh chau", "", "Doanh nghiệp tư nhân Minh Châu", "", true)]
    [InlineData("hkd ba nam", "", "Hộ kinh doanh Bánh tét Bà Năm", "", true)]
    [InlineData("cssx tuong", "", "Cơ sở sản xuất tương Hòa Minh", "", true)]
    [InlineData("co so san xuat tuong", "", "CSSX tương Hòa Minh", "", true)]
    [InlineData("htx tien thanh", "", "Tổ hợp tác Tiến Thành", "", false)]
    public void Every_word_is_found_somewhere_in_any_order(string typed, string product, string subject, string commune, bool found) =>
        Assert.Equal(found, SearchQuery.Parse(typed).Matches(Key(product), Key(subject), Key(commune)));

    [Theory]
    [InlineData("htx tien thanh", LegalForm.Cooperative, true)]
    [InlineData("hop tac xa", LegalForm.Cooperative, true)]
    [InlineData("tht", LegalForm.CooperativeGroup, true)]
    [InlineData("dntn", LegalForm.PrivateEnterprise, true)]
    [InlineData("hkd", LegalForm.HouseholdBusiness, true)]
    [InlineData("cssx", LegalForm.HouseholdBusiness, true)]
    [InlineData("htx", LegalForm.CooperativeGroup, false)]
    [InlineData("dntn", LegalForm.Company, false)]
    public void A_subject_is_found_by_its_legal_form_however_it_is_written(string typed, LegalForm form, bool found) =>
        Assert.Equal(found, SearchQuery.Parse(typed).Matches(Key("Tiến Thành"), SearchQuery.LegalFormWords(form)));

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("banh tet", 2)]
    [InlineData("banh banh tet", 2)]
    [InlineData("hop tac xa tien thanh", 3)]
    [InlineData("Hợp Tác Xã", 1)]
    [InlineData("htx hop tac xa", 1)]
    public void Words_are_folded_and_repeated_ones_counted_once(string typed, int terms) =>
        Assert.Equal(terms, SearchQuery.Parse(typed).Terms.Count);

    [Fact]
    public void An_empty_search_matches_everything() => Assert.True(SearchQuery.Parse(" ").Matches("anything"));

    /// <summary>Each pair: the first name ranks above the second for the typed words (subject and commune keys alike).</summary>
    [Theory]
    [InlineData("banh tet", "Bánh tét", "Bánh tét lá cẩm")] // the whole phrase as the name first
    [InlineData("banh tet", "Bánh tét lá cẩm", "Nem chua và bánh tét")] // at the name's start before inside it
    [InlineData("banh tet", "Nem chua và bánh tét", "Tét bánh")] // the phrase before the words apart
    [InlineData("tet da loc", "Tét Đa Lộc", "Bánh tét lá cẩm")] // more words in the name first
    [InlineData("gao", "Gạo thơm", "Bánh gạo")] // a word's start in the name before the word later on
    [InlineData("gao", "Bánh gạo", "Chè ngao")] // a word's start before the inside of a word
    public void Better_matches_rank_first(string typed, string better, string worse)
    {
        var query = SearchQuery.Parse(typed);
        var elsewhere = Key("Hộ kinh doanh Bà Năm | Xã Đa Lộc | Xã Châu Thành gạo bánh tét");
        Assert.True(query.Matches(Key(better), elsewhere) && query.Matches(Key(worse), elsewhere));
        Assert.True(query.Rank(Key(better), elsewhere) > query.Rank(Key(worse), elsewhere),
            $"{better}: {query.Rank(Key(better), elsewhere)}, {worse}: {query.Rank(Key(worse), elsewhere)}");
    }

    [Fact]
    public void A_word_in_the_name_counts_more_than_one_in_the_subject_or_commune()
    {
        var query = SearchQuery.Parse("tien thanh");
        Assert.True(query.Rank(Key("Gạo Tiến Thành"), Key("HTX Phú Mỹ")) > query.Rank(Key("Gạo thơm"), Key("HTX Tiến Thành")));
    }
}
