using System.Globalization;

namespace Ocop.Core.Documents;

/// <summary>
/// The lines above a signer's name in an administrative document (Decree 30/2020/NĐ-CP, Appendix I): "TM." for a
/// collective body ("TM. ỦY BAN NHÂN DÂN"), "KT." when a deputy signs for the head ("KT. CHỦ TỊCH"), then the signer's
/// own title ("PHÓ CHỦ TỊCH").
/// </summary>
public static class SignatureBlock
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="onBehalfOf">"TM. ỦY BAN NHÂN DÂN" for a committee; null for a body headed by one person (a ministry).</param>
    /// <param name="headTitle">The head's title ("Chủ tịch", "Bộ trưởng").</param>
    /// <param name="signerTitle">The signer's own title ("Chủ tịch", "Phó Chủ tịch").</param>
    /// <param name="deputy">Whether the signer signs for the head (ký thay).</param>
    public static IReadOnlyList<string> Lines(string? onBehalfOf, string headTitle, string signerTitle, bool deputy)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(onBehalfOf))
        {
            lines.Add(onBehalfOf.Trim().ToUpper(Vi));
        }

        if (deputy)
        {
            lines.Add("KT. " + headTitle.Trim().ToUpper(Vi));
        }

        lines.Add(signerTitle.Trim().ToUpper(Vi));
        return lines;
    }

    /// <summary>Whether a title is a deputy's: "Phó Chủ tịch", "Phó Giám đốc", "Thứ trưởng".</summary>
    public static bool IsDeputyTitle(string title)
    {
        var t = title.Trim();
        return t.StartsWith("Phó ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Thứ trưởng", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Why a signer's "KT." mark does not fit their title, or null: a deputy's title signs for the head ("KT. CHỦ TỊCH"),
    /// and the head never signs for themselves.
    /// </summary>
    public static string? DeputyMarkProblem(string signerTitle, bool deputy, string headTitle)
    {
        var title = signerTitle.Trim();
        if (!deputy && IsDeputyTitle(title))
        {
            return $"Chức vụ \"{title}\" là cấp phó: đánh dấu ký thay (KT. {headTitle.ToUpper(Vi)}).";
        }

        return deputy && string.Equals(title, headTitle, StringComparison.OrdinalIgnoreCase)
            ? $"\"{title}\" là người đứng đầu, không ký thay: bỏ đánh dấu ký thay."
            : null;
    }
}
