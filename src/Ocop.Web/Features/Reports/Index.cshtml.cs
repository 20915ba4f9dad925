using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The periodic report for a unit and a period: its figures on screen, the DOCX draft in the Decree 30 format and the
/// XLSX annexes. Offices, leaders and commune officers report on the units they reach; the period is in the URL.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "from")] public string? FromText { get; set; }
    [FromQuery(Name = "to")] public string? ToText { get; set; }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public bool OffersWholeCountry { get; private set; }
    public PeriodicReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public static bool MayReport(Role role) => role is not (Role.Producer or Role.CouncilMember);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await PrepareAsync(ct);
        return outcome ?? Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var outcome = await PrepareAsync(ct);
        if (outcome is not null || Report is null)
        {
            return outcome ?? Page();
        }

        return File(PeriodicReportDocx.Build(Report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName("docx"));
    }

    public async Task<IActionResult> OnGetAnnexesAsync(CancellationToken ct)
    {
        var outcome = await PrepareAsync(ct);
        if (outcome is not null || Report is null)
        {
            return outcome ?? Page();
        }

        return File(await ReportAnnexes.BuildAsync(Report.Data, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    public string Link(string? handler) =>
        $"/Reports?{(handler is null ? "" : "handler=" + handler + "&")}unit={UnitId?.ToString(CultureInfo.InvariantCulture)}&from={Iso(From)}&to={Iso(To)}";

    private string FileName(string extension) => $"bao-cao-ocop-{Iso(From)}-{Iso(To)}.{extension}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads the choices; null when the report can be drafted, otherwise the answer to give instead.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayReport(scope.Role))
        {
            return Forbid();
        }

        var units = await directory.GetAsync(db, ct);
        var assigned = await db.UserUnits.AsNoTracking().Where(u => u.UserId == scope.UserId).Select(u => u.UnitId).ToListAsync(ct);
        var choices = ReportUnit.Choices(units, scope, assigned);
        OffersWholeCountry = scope.ReachesEveryUnit || scope.CoversEveryCommune;
        Units = choices.Select(u => new SelectListItem($"{u.Kind} {u.Name}" + (u.ValidTo is null ? "" : $" (đến {Display.Date(u.ValidTo)})"),
            u.Id.ToString(CultureInfo.InvariantCulture), u.Id == UnitId)).ToList();

        var today = Display.Today(clock);
        var from = new DateOnly(today.Year, 1, 1);
        var to = today;
        var datesRead = TryDate(FromText, "from", "Ngày bắt đầu", ref from) & TryDate(ToText, "to", "Ngày kết thúc", ref to);
        (From, To) = (from, to);
        if (!datesRead)
        {
            Problem = "Xem lại kỳ báo cáo.";
            return null;
        }

        if (From > To)
        {
            ModelState.AddModelError("to", "Ngày kết thúc phải sau ngày bắt đầu.");
            Problem = "Xem lại kỳ báo cáo.";
            return null;
        }

        var unit = ReportUnit.Resolve(units, scope, assigned, UnitId);
        if (unit is null)
        {
            return UnitId is null ? Forbid() : NotFound();
        }

        UnitId = unit.Id;
        var data = await ReportData.LoadAsync(db, clock, unit, From, To, ct);
        var issuer = unit.IsWholeCountry ? "Văn phòng Điều phối OCOP" : "Phòng Nông nghiệp và Môi trường";
        Report = new PeriodicReport(data, issuer, unit.IsWholeCountry ? "Hà Nội" : unit.Name, "Trưởng phòng", today,
        [
            RecognitionSections.Recognised(data),
            RecognitionSections.Expiring(data),
            RecognitionSections.Subjects(data),
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
