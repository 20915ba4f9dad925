using Ocop.Core.Access;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class RevocationAuthorityTests
{
    [Theory]
    // 26/2026: the province revokes 3–4★, the ministry 5★; nobody 1–2★.
    [InlineData("26/2026", 3, EvaluationLevel.Province, EvaluationLevel.Province, true)]
    [InlineData("26/2026", 4, EvaluationLevel.Province, EvaluationLevel.Province, true)]
    [InlineData("26/2026", 5, EvaluationLevel.Province, EvaluationLevel.Central, false)]
    [InlineData("26/2026", 5, EvaluationLevel.Central, EvaluationLevel.Central, true)]
    [InlineData("26/2026", 3, EvaluationLevel.Central, EvaluationLevel.Province, false)]
    [InlineData("26/2026", 4, EvaluationLevel.District, EvaluationLevel.Province, false)]
    [InlineData("26/2026", 2, EvaluationLevel.Province, null, false)]
    [InlineData("26/2026", 4, null, EvaluationLevel.Province, false)]
    // 148 as first issued: the district recognised (and revoked) 3★, the province 4★.
    [InlineData("148/2023", 3, EvaluationLevel.District, EvaluationLevel.District, true)]
    [InlineData("148/2023", 3, EvaluationLevel.Province, EvaluationLevel.District, false)]
    [InlineData("148/2023", 4, EvaluationLevel.Province, EvaluationLevel.Province, true)]
    [InlineData("1489/2025", 5, EvaluationLevel.Central, EvaluationLevel.Central, true)]
    public void The_level_that_recognises_the_star_revokes_it(string process, int stars, EvaluationLevel? userLevel, EvaluationLevel? competent, bool allowed)
    {
        var result = RevocationAuthority.For(Role.ProgramOffice, userLevel, EvaluationProcesses.ByCode(process), stars);
        Assert.Equal(competent, result.CompetentLevel);
        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(allowed, result.Refusal is null);
    }

    [Theory]
    [InlineData(Role.ProgramOffice, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.Leader, false)]
    [InlineData(Role.Department, false)]
    [InlineData(Role.CommuneOfficer, false)]
    [InlineData(Role.CouncilMember, false)]
    [InlineData(Role.Producer, false)]
    public void Only_the_office_of_the_competent_level_records_a_revocation(Role role, bool allowed) =>
        Assert.Equal(allowed, RevocationAuthority.For(role, EvaluationLevel.Province, EvaluationProcesses.Decision26, 4).Allowed);

    [Fact]
    public void Without_a_process_nobody_is_competent() =>
        Assert.Null(RevocationAuthority.For(Role.ProgramOffice, EvaluationLevel.Province, null, 4).CompetentLevel);

    [Fact]
    public void The_refusal_names_the_competent_level_in_Vietnamese() =>
        Assert.Equal("Thu hồi sản phẩm 5 sao thuộc thẩm quyền cấp trung ương (Bộ); tài khoản này thuộc cấp tỉnh.",
            RevocationAuthority.For(Role.ProgramOffice, EvaluationLevel.Province, EvaluationProcesses.Decision26, 5).Refusal);
}
