using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>The evaluation demo data gives every screen something true to show, and its history is readable.</summary>
public class DemoEvaluationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task Demo_certificates_cover_expiring_soon_reevaluation_window_expired_and_revoked()
    {
        var certificates = await app.QueryAsync(db => db.Certificates.AsNoTracking().ToListAsync());
        var states = certificates.Select(c => CertificateValidity.StateOn(c.ToFacts(), Today).State).ToHashSet();

        Assert.Contains(CertificateState.ExpiringSoon, states);
        Assert.Contains(CertificateState.ReevaluationWindowOpen, states);
        Assert.Contains(CertificateState.Expired, states);
        Assert.Contains(CertificateState.Revoked, states);
        Assert.Contains(CertificateState.ReevaluationFiled, states);
    }

    [Fact]
    public async Task Demo_rounds_are_the_old_district_round_this_years_first_province_round_closed_and_one_open_with_partly_scored_sheets()
    {
        var rounds = await app.QueryAsync(db => db.EvaluationRounds.AsNoTracking()
            .Select(r => new { r.Id, r.Name, r.State, r.Level, r.ProcessCode, r.ClosesOn, Results = r.Products.Count(p => p.Star != null), Sheets = r.Products.SelectMany(p => p.Sheets).Select(s => s.State).ToList() })
            .ToListAsync());

        Assert.Equal(2, rounds.Count(r => r.State == RoundState.Closed));
        Assert.Contains(rounds, r => r.State == RoundState.Closed && r.Level == EvaluationLevel.District && r.Results >= 5);
        var open = Assert.Single(rounds, r => r.State == RoundState.Open);
        Assert.Contains(MemberSheetState.Submitted, open.Sheets);
        Assert.Contains(MemberSheetState.Draft, open.Sheets);
        Assert.Contains(MemberSheetState.NotStarted, open.Sheets);
        Assert.Contains(MemberSheetState.Recused, open.Sheets);

        var office = await app.As(Demo.ProgramOffice);
        foreach (var round in rounds)
        {
            using var results = await office.GetAsync($"/Rounds/{round.Id}/Results");
            Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        }
    }

    [Fact]
    public async Task This_years_first_round_under_26_2026_is_decided_by_the_province_of_Vinh_Long_with_the_coconut_candy_on_the_corrected_sheet()
    {
        var first = await app.QueryAsync(db => db.EvaluationRounds.AsNoTracking().Include(r => r.Unit)
            .SingleAsync(r => r.State == RoundState.Closed && r.ProcessCode == "26/2026"));
        Assert.StartsWith("Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đợt 1 năm", first.Name, StringComparison.Ordinal);
        Assert.True(first.ClosesOn <= new DateOnly(first.ClosesOn.Year, 6, 30), "round 1 closes by 30 June");
        Assert.Equal(("Vĩnh Long", (DateOnly?)null), (first.Unit!.Name.Replace("Tỉnh ", "", StringComparison.Ordinal), first.Unit.ValidTo));

        var candy = await app.QueryAsync(db => db.RoundProducts.AsNoTracking().Include(p => p.Scoresheet)
            .SingleAsync(p => p.RoundId == first.Id && p.Product!.Name == "Kẹo dừa Mỏ Cày"));
        var sheet = candy.Scoresheet!.ToModel();
        Assert.Equal(("I.3.c", ScoresheetStatus.Published), (sheet.ProductSetCode, sheet.Status));
        Assert.NotEmpty(sheet.Corrections!);

        var decision = await app.QueryAsync(db => db.Recognitions.AsNoTracking().Include(r => r.Certificates).SingleAsync(r => r.RoundId == first.Id));
        Assert.Equal(("UBND tỉnh Vĩnh Long", EvaluationLevel.Province), (decision.Issuer, decision.Level));
        Assert.Contains(decision.Certificates, c => c.ProductId == candy.ProductId && c.Stars is 3 or 4);
        Assert.All(decision.Certificates, c => Assert.StartsWith($"{decision.SignedOn.Year}/OCOP-86-", c.Number, StringComparison.Ordinal));

        // The product at 90 or more is proposed for 5★, never shown as 5 sao.
        var office = await app.As(Demo.ProgramOffice);
        var results = Html.Text(await office.GetPageAsync($"/Rounds/{first.Id}/Results"));
        Assert.Contains("Đề xuất công nhận 5 sao", results, StringComparison.Ordinal);
        Assert.DoesNotContain("5 sao (đủ điều kiện", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoresheet_and_certificate_histories_are_readable_and_name_the_record()
    {
        var sheet = await app.QueryAsync(db => db.Scoresheets.Select(s => s.Id).FirstAsync());
        var certificate = await app.QueryAsync(db => db.Certificates.Select(c => new { c.Id, c.Number }).FirstAsync());
        var leader = await app.As(Demo.Leader);

        var sheetHistory = await leader.GetStringAsync($"/History/ScoresheetRecord/{sheet}");
        Assert.Contains("Phiếu chấm", sheetHistory, StringComparison.Ordinal);
        var certificateHistory = await leader.GetStringAsync($"/History/Certificate/{certificate.Id}");
        Assert.Contains(certificate.Number, certificateHistory, StringComparison.Ordinal);

        using var unknown = await leader.GetAsync("/History/Certificate/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
