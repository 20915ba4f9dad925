using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Evaluation;
using Ocop.Web.Features.Scoresheets;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>The scoresheet use cases from their pages and called directly: the same checks, the same messages, nothing half-written.</summary>
public class ScoresheetSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SaveLegalBasis_from_its_form_and_directly_refuses_a_band_below_the_one_before_alike_and_a_stale_version_alike()
    {
        var admin = await app.As(Demo.Admin);
        var adminId = await app.UserIdAsync(Demo.Admin);
        var id = await app.QueryAsync(db => db.LegalBases.Where(b => b.Code == "1048/2019").Select(b => b.Id).SingleAsync());
        var form = await admin.GetFormAsync($"/Scoresheets/EditLegalBasis/{id}");
        var before = await app.QueryAsync(db => db.LegalBases.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Definition, b.Version }).SingleAsync());
        var basis = await app.QueryAsync(async db => (await db.LegalBases.AsNoTracking().SingleAsync(b => b.Id == id)).ToModel());
        var command = new SaveLegalBasis.Command
        {
            Id = id,
            Version = before.Version,
            Consensus = basis.Minimums.Consensus,
            Statement = basis.Minimums.Statement,
            Bands = basis.StarBands.OrderBy(b => b.Stars).Select(b => new SaveLegalBasis.BandInput { Stars = b.Stars, From = b.From.ToVietnamese(), Recognised = b.Recognised }).ToList(),
        };
        command.Bands[3].From = "45";
        form.Set("Input.Bands[3].From", "45");

        using var page = await admin.PostFormAsync(form);
        var direct = await UseCase.AsAsync(app, adminId, (services, scope) => services.GetRequiredService<SaveLegalBasis>().RunAsync(scope, command));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(WriteOutcome.Invalid, direct.Outcome);
        Assert.Contains(Assert.Single(direct.Errors["Bands[3].From"]), Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        command.Version = before.Version - 1;
        var stale = await UseCase.AsAsync(app, adminId, (services, scope) => services.GetRequiredService<SaveLegalBasis>().RunAsync(scope, command));
        Assert.Equal((WriteOutcome.Stale, SaveLegalBasis.StaleMessage), (stale.Outcome, stale.Message));
        Assert.Equal(before.Definition, await app.QueryAsync(db => db.LegalBases.AsNoTracking().Where(b => b.Id == id).Select(b => b.Definition).SingleAsync()));

        // Only administrators change the law's data: the office is refused by both.
        var office = await app.As(Demo.ProgramOffice);
        using (var refused = await office.GetAsync($"/Scoresheets/EditLegalBasis/{id}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var officeDirect = await UseCase.AsAsync(app, await app.UserIdAsync(Demo.ProgramOffice), (services, scope) => services.GetRequiredService<SaveLegalBasis>().RunAsync(scope, command));
        Assert.Equal(WriteOutcome.Refused, officeDirect.Outcome);
    }

    [Fact]
    public async Task ImportScoresheet_from_its_form_and_directly_lists_the_same_errors_and_saves_nothing()
    {
        var admin = await app.As(Demo.Admin);
        var adminId = await app.UserIdAsync(Demo.Admin);
        var bytes = "không phải bảng tính"u8.ToArray();
        var before = await app.QueryAsync(db => db.Scoresheets.CountAsync());

        var form = await admin.GetFormAsync("/Scoresheets/Import");
        using var page = await admin.PostFileAsync(form, "file", "phieu-cham.xlsx", bytes, ScoresheetXlsx.ContentType);
        var text = Html.Text(await page.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(bytes);
        var direct = await UseCase.AsAsync(app, adminId, (services, scope) => services.GetRequiredService<ImportScoresheet>()
            .RunAsync(scope, new ImportScoresheet.Command { File = stream, Length = bytes.Length }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(WriteOutcome.Invalid, direct.Outcome);
        Assert.All(direct.AllMessages(), message => Assert.Contains(message, text, StringComparison.Ordinal));
        Assert.Equal(before, await app.QueryAsync(db => db.Scoresheets.CountAsync()));
    }

    [Fact]
    public async Task PublishScoresheet_of_a_published_version_is_stale_from_the_page_and_directly_when_its_version_moved()
    {
        var admin = await app.As(Demo.Admin);
        var adminId = await app.UserIdAsync(Demo.Admin);
        var sheet = await app.QueryAsync(db => db.Scoresheets.AsNoTracking().Where(s => s.Status == ScoresheetStatus.Published)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Version }).FirstAsync());

        using var page = await admin.PostWithTokenAsync($"/Scoresheets/Details/{sheet.Id}?handler=Publish", ("Version", (sheet.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var direct = await UseCase.AsAsync(app, adminId, (services, scope) => services.GetRequiredService<PublishScoresheet>()
            .RunAsync(scope, new PublishScoresheet.Command { Id = sheet.Id, Version = sheet.Version + 1 }));

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal(WriteOutcome.Stale, direct.Outcome);
        Assert.Contains(direct.Message!, Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
