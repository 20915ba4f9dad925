using Ocop.Core.Access;

namespace Ocop.Core.Evaluation;

/// <summary>Who may revoke a certificate, and why not when they may not.</summary>
/// <param name="CompetentLevel">The level that revokes this star on that day; null when no level does (1–2★, no process).</param>
/// <param name="Refusal">Why this user may not, in Vietnamese; null when they may.</param>
public sealed record RevocationCompetence(EvaluationLevel? CompetentLevel, string? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Revocation is decided by the level that recognises the star under the process in force on the day of revocation
/// (26/2026: the province for 3–4★, the ministry for 5★), read from the process's level data rather than fixed here.
/// The process of the day, not of the recognition, decides: a 3★ recognised by a district under 148 is revoked by the
/// province now that districts are gone.
/// </summary>
public static class RevocationAuthority
{
    /// <param name="process">The process in force on the day of revocation; null when none is known.</param>
    /// <param name="decisionLevel">The level whose decisions the user records (their office's level); null when not set.</param>
    public static RevocationCompetence For(Role role, EvaluationLevel? decisionLevel, EvaluationProcess? process, int stars)
    {
        var competent = process?.RecognisingLevel(stars);
        if (role is not (Role.ProgramOffice or Role.Administrator))
        {
            return new(competent, "Chỉ văn phòng OCOP ghi nhận quyết định thu hồi.");
        }

        if (competent is not EvaluationLevel level)
        {
            return new(null, $"Theo quy trình đang áp dụng, không cấp nào có thẩm quyền thu hồi sản phẩm {stars} sao.");
        }

        if (decisionLevel != level)
        {
            return new(level, $"Thu hồi sản phẩm {stars} sao thuộc thẩm quyền {Name(level)}; tài khoản này "
                + (decisionLevel is EvaluationLevel own ? $"thuộc {Name(own)}." : "chưa được gán cấp ra quyết định."));
        }

        return new(level, null);
    }

    private static string Name(EvaluationLevel level) => level switch
    {
        EvaluationLevel.District => "cấp huyện",
        EvaluationLevel.Province => "cấp tỉnh",
        EvaluationLevel.Central => "cấp trung ương (Bộ)",
        _ => "cấp xã",
    };
}
