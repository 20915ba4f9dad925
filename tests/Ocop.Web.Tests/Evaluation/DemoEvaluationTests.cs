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
    }

    [Fact]
    public async Task Demo_rounds_are_one_closed_with_results_and_one_open_with_partly_scored_sheets()
    {
        var rounds = await app.QueryAsync(db => db.EvaluationRounds.AsNoTracking()
            .Select(r => new { r.Id, r.State, Results = r.Products.Count(p => p.Star != null), Sheets = r.Products.SelectMany(p => p.Sheets).Select(s => s.State).ToList() })
            .ToListAsync());

        var closed = Assert.Single(rounds, r => r.State == RoundState.Closed);
        Assert.True(closed.Results >= 5);
        var open = Assert.Single(rounds, r => r.State == RoundState.Open);
        Assert.Contains(MemberSheetState.Submitted, open.Sheets);
        Assert.Contains(MemberSheetState.Draft, open.Sheets);
        Assert.Contains(MemberSheetState.NotStarted, open.Sheets);
        Assert.Contains(MemberSheetState.Recused, open.Sheets);

        var office = await app.As(Demo.ProgramOffice);
        using var results = await office.GetAsync($"/Rounds/{open.Id}/Results");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        using var closedResults = await office.GetAsync($"/Rounds/{closed.Id}/Results");
        Assert.Equal(HttpStatusCode.OK, closedResults.StatusCode);
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
