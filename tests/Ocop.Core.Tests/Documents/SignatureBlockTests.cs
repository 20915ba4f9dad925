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

    [Theory]
    [InlineData("Phó Chủ tịch", false, "Chủ tịch", "Chức vụ \"Phó Chủ tịch\" là cấp phó: đánh dấu ký thay (KT. CHỦ TỊCH).")]
    [InlineData("Thứ trưởng", false, "Bộ trưởng", "Chức vụ \"Thứ trưởng\" là cấp phó: đánh dấu ký thay (KT. BỘ TRƯỞNG).")]
    [InlineData("Chủ tịch", true, "Chủ tịch", "\"Chủ tịch\" là người đứng đầu, không ký thay: bỏ đánh dấu ký thay.")]
    [InlineData("Phó Chủ tịch", true, "Chủ tịch", null)]
    [InlineData("Chủ tịch", false, "Chủ tịch", null)]
    public void A_deputy_is_marked_KT_and_the_head_never_is(string title, bool deputy, string head, string? problem) =>
        Assert.Equal(problem, SignatureBlock.DeputyMarkProblem(title, deputy, head));
}
