using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The periodic report for a plan, a unit and a period: its figures on screen, the DOCX draft in the Decree 30 format and
/// the XLSX annexes. The targets are the dashboard's figures on the period's last day (<see cref="PlanFigures"/>), so
/// the report and the dashboard never disagree. Plan, unit and period are in the URL.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, PlanFigures figures, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "plan")] public int? PlanId { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "from")] public string? FromText { get; set; }
    [FromQuery(Name = "to")] public string? ToText { get; set; }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public List<(int Id, string Label)> Plans { get; private set; } = [];
    public List<(int Id, string Label)> Units { get; private set; } = [];
    public PeriodicReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public static bool MayReport(Role role) => PlanningAccess.CanReadPlans(role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await PrepareAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var refused = await PrepareAsync(ct);
        return refused ?? (Report is null
            ? Page()
            : File(PeriodicReportDocx.Build(Report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName("docx")));
    }

    public async Task<IActionResult> OnGetAnnexesAsync(CancellationToken ct)
    {
        var refused = await PrepareAsync(ct);
        return refused ?? (Report is null
            ? Page()
            : File(await ReportAnnexes.BuildAsync(Report.Data, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx")));
    }

    public string Link(string? handler) =>
        Url.Page("/Reports/Index", handler, new { plan = PlanId, unit = UnitId, from = PlanDisplay.Iso(From), to = PlanDisplay.Iso(To) })!;

    private string FileName(string extension) => $"bao-cao-ocop-{PlanDisplay.Iso(From)}-{PlanDisplay.Iso(To)}.{extension}";

    /// <summary>Reads the choices and drafts the report; returns the answer to give instead when the user may not have it.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayReport(scope.Role))
        {
            return Forbid();
        }

        var today = Display.Today(clock);
        Plans = await figures.PlanChoicesAsync(ct);
        var plan = Plans.Count == 0 ? null : await figures.PlanAsync(PlanId ?? Plans[0].Id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Units = await figures.PickableUnitsAsync(scope, UnitId, ct);
        // Default: the plan's own unit if the user reaches it, else the first unit they may pick.
        var unit = await figures.UnitAsync(UnitId ?? plan.UnitId ?? 0, scope, ct);
        if (unit is null && UnitId is null && Units.Count > 0)
        {
            unit = await figures.UnitAsync(Units[0].Id, scope, ct);
        }

        if (unit is null)
        {
            return UnitId is null ? Forbid() : NotFound();
        }

        (PlanId, UnitId) = (plan.Id, unit.UnitId ?? 0);
        var from = new DateOnly(today.Year, 1, 1);
        var to = today;
        var datesRead = TryDate(FromText, "from", "Ngày bắt đầu", ref from) & TryDate(ToText, "to", "Ngày kết thúc", ref to);
        (From, To) = (from, to);
        if (datesRead && From > To)
        {
            ModelState.AddModelError("to", "Ngày kết thúc phải sau ngày bắt đầu.");
        }

        if (!ModelState.IsValid)
        {
            Problem = "Xem lại kỳ báo cáo.";
            return null;
        }

        // Only the target rows: the dashboard's breakdown, trend and lists are not in the report.
        var targets = await figures.TargetFiguresAsync(plan, unit, To, await figures.FactsAsync(unit, ct), ct);
        var data = await ReportData.LoadAsync(db, clock, unit, From, To, ct);
        var (cycle, tasks) = await WorkSections.LoadAsync(db, await Tasks.TaskViewer.LoadAsync(db, scopes, ct), unit, From, To, ct);
        // The report goes out today under the authority of the unit (or its stand-in: a former district's report is the province's).
        var support = await SupportReport.LoadAsync(HttpContext.RequestServices.GetRequiredService<Support.SectionContext>(), unit, From, To, ct);
        var issuer = await Documents.IssuerDirectory.ReportIssuerAsync(db, unit.UnitId, unit.Name, today, ct);
        Report = new PeriodicReport(data, $"{plan.Number} ({plan.Title})",
            issuer.ParentLine, issuer.Letterhead, issuer.Place, string.Join("\n", issuer.SignatureLines), today,
        [
            PlanSections.Targets(plan, To, targets),
            RecognitionSections.Recognised(data),
            RecognitionSections.Expiring(data),
            RecognitionSections.Subjects(data),
            WorkSections.Cycle(cycle),
            WorkSections.Tasks(tasks),
            WorkSections.Problems(tasks),
            SupportSections.BySource(support),
            SupportSections.Training(support),
            SupportSections.Promotion(support),
        ]);
        return null;
    }

    private bool TryDate(string? text, string field, string label, ref DateOnly value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }

        ModelState.AddModelError(field, $"{label} không hợp lệ (dd/mm/yyyy).");
        return false;
    }
}
