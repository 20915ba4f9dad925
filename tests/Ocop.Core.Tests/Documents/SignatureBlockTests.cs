using Ocop.Core.Documents;

namespace Ocop.Core.Tests.Documents;

public class SignatureBlockTests
{
    [Theory]
    [InlineData("TM. ỦY BAN NHÂN DÂN", "Chủ tịch", "Chủ tịch", false, new[] { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" })]
    [InlineData("TM. ỦY BAN NHÂN DÂN", "Chủ tịch", "Phó Chủ tịch", true, new[] { "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" })]
    [InlineData(null, "Bộ trưởng", "Thứ trưởng", true, new[] { "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG" })]
    [InlineData(null, "Bộ trưởng", "Bộ trưởng", false, new[] { "BỘ TRƯỞNG" })]
    [InlineData("", "Chủ tịch", "Chủ tịch", false, new[] { "CHỦ TỊCH" })]
    public void A_deputy_signs_for_the_head_under_KT(string? onBehalfOf, string head, string title, bool deputy, string[] expected) =>
        Assert.Equal(expected, SignatureBlock.Lines(onBehalfOf, head, title, deputy));

    [Theory]
    [InlineData("Phó Chủ tịch", true)]
    [InlineData("phó chủ tịch", true)]
    [InlineData("Thứ trưởng", true)]
    [InlineData("Chủ tịch", false)]
    [InlineData("Bộ trưởng", false)]
    [InlineData("Phóng viên", false)]
    public void Deputy_titles_are_known_by_their_first_word(string title, bool deputy) =>
        Assert.Equal(deputy, SignatureBlock.IsDeputyTitle(title));
}
