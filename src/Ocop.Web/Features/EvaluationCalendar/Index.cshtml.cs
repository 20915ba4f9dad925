using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Calendar;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.EvaluationCalendar;

/// <summary>
/// What is due and what is late in the evaluation procedure, by level: the fixed rounds of the year that the process in
/// force sets (26/2026: the province by 30/6 and 30/12, the centre by 30/9 and 30/3) matched with the rounds held; the
/// commune's check of each dossier within 15 working days over the holiday data; the result of each re-evaluation within
/// 45 days of a complete dossier; the follow-up of checks after recognition and food-safety papers running out.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "level")] public EvaluationLevel? Level { get; set; }

    public DateOnly Today { get; private set; }
    public int ShownYear { get; private set; }
    public bool HolidayDataForYear { get; private set; }
    public string? ProcessName { get; private set; }
    public IReadOnlyList<ScheduledRound> ProvinceRounds { get; private set; } = [];
    public IReadOnlyList<ScheduledRound> CentralRounds { get; private set; } = [];
    public List<CommuneCheckRow> CommuneChecks { get; private set; } = [];
    public List<ReevaluationRow> Reevaluations { get; private set; } = [];
    public List<FollowUpRow> FollowUps { get; private set; } = [];
    public int WindowsOpen { get; private set; }

    public sealed record CommuneCheckRow(int DossierId, string ProductName, string CommuneName, DossierVariant Variant, DateOnly ReceivedOn, DateOnly? DueOn, int WorkingDaysLeft, bool Late);

    public sealed record ReevaluationRow(int DossierId, int CertificateId, string CertificateNumber, string ProductName, DateOnly CompleteOn, DateOnly DueOn, bool Late);

    public sealed record FollowUpRow(int CertificateId, string CertificateNumber, string ProductName, DateOnly CheckedOn, string What, DateOnly? DueOn, bool Late);

    public bool Shows(EvaluationLevel level) => Level is null || Level == level;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!HolidaysPageModel.MayRead(scope.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        ShownYear = Year is int y && y is >= 2020 and <= 2100 ? y : Today.Year;
        var catalog = await new CertificateRules(db, clock).ProcessesAsync(ct);
        var calendar = await Holidays.CalendarAsync(db, ct);
        HolidayDataForYear = (await Holidays.YearsAsync(db, ct)).Contains(ShownYear);

        // The process whose schedule applies to the year: the one in force at its end (or today, for this year).
        var process = EvaluationProcesses.InForceOn(ShownYear == Today.Year ? Today : new DateOnly(ShownYear, 12, 31), catalog);
        ProcessName = process?.Name;
        if (process is not null)
        {
            ProvinceRounds = RoundCalendar.For(process, EvaluationLevel.Province, ShownYear, await HeldAsync(EvaluationLevel.Province, ct), Today);
            CentralRounds = RoundCalendar.For(process, EvaluationLevel.Central, ShownYear, await HeldAsync(EvaluationLevel.Central, ct), Today);
        }

        var products = scope.Visible(db.Products);
        await LoadCommuneChecksAsync(products, catalog, calendar, ct);
        await LoadReevaluationsAsync(products, catalog, ct);
        await LoadFollowUpsAsync(products, ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => products.Any(p => p.Id == c.ProductId) && c.RevokedOn == null).ToListAsync(ct);
        WindowsOpen = certificates.Count(c => CertificateRules.StateOn(c, Today, catalog).State == CertificateState.ReevaluationWindowOpen);
        return Page();
    }

    private async Task<List<HeldRound>> HeldAsync(EvaluationLevel level, CancellationToken ct)
    {
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => r.Level == level && r.ClosesOn >= from && r.ClosesOn <= to)
            .Select(r => new { r.Id, r.Name, r.OpensOn, r.ClosesOn, r.ClosedAt }).ToListAsync(ct);
        return rounds.Select(r => new HeldRound(r.Id, r.Name, r.OpensOn, r.ClosesOn, r.ClosedAt is DateTime at ? DateOnly.FromDateTime(at.AddHours(7)) : null)).ToList();
    }

    /// <summary>Dossiers submitted and not yet checked: due 15 working days after receipt where the process fixes it.</summary>
    private async Task LoadCommuneChecksAsync(IQueryable<Product> products, IReadOnlyList<EvaluationProcess> catalog, WorkingCalendar calendar, CancellationToken ct)
    {
        var waiting = await db.Dossiers.AsNoTracking()
            .Where(d => d.State == DossierState.Submitted && d.SubmittedAt != null && products.Any(p => p.Id == d.ProductId))
            .Select(d => new { d.Id, ProductName = d.Product!.Name, CommuneName = d.Product.Commune!.Name, d.Variant, d.SubmittedAt })
            .ToListAsync(ct);
        CommuneChecks = waiting.Select(d =>
        {
            var received = DateOnly.FromDateTime(d.SubmittedAt!.Value.AddHours(7));
            var due = EvaluationProcesses.InForceOn(received, catalog)?.CommuneCheckDueOn(received, calendar);
            var left = due is DateOnly day ? (Today > day ? -calendar.WorkingDaysBetween(day, Today) : calendar.WorkingDaysBetween(Today, day)) : 0;
            return new CommuneCheckRow(d.Id, d.ProductName, d.CommuneName, d.Variant, received, due, left, due is DateOnly last && Today > last);
        }).OrderByDescending(r => r.Late).ThenBy(r => r.DueOn).ToList();
    }

    /// <summary>Re-evaluations found complete and still without an outcome: 26/2026 gives 45 days from the complete dossier.</summary>
    private async Task LoadReevaluationsAsync(IQueryable<Product> products, IReadOnlyList<EvaluationProcess> catalog, CancellationToken ct)
    {
        var pending = await db.Dossiers.AsNoTracking()
            .Where(d => d.Variant == DossierVariant.Reevaluation && d.AcceptedAt != null && d.CertificateId != null && products.Any(p => p.Id == d.ProductId))
            .Join(db.Certificates.Where(c => c.ReevaluationDecidedOn == null && c.RevokedOn == null), d => d.CertificateId, c => c.Id,
                (d, c) => new { d.Id, CertificateId = c.Id, c.Number, ProductName = d.Product!.Name, d.AcceptedAt })
            .ToListAsync(ct);
        Reevaluations = pending.Select(r =>
        {
            var complete = DateOnly.FromDateTime(r.AcceptedAt!.Value.AddHours(7));
            var days = EvaluationProcesses.InForceOn(complete, catalog)?.Certificates.ReevaluationMaxDays ?? 45;
            var due = complete.AddDays(days);
            return new ReevaluationRow(r.Id, r.CertificateId, r.Number, r.ProductName, complete, due, Today > due);
        }).OrderByDescending(r => r.Late).ThenBy(r => r.DueOn).ToList();
    }

    /// <summary>Follow-ups of checks not yet done, and food-safety papers seen at the last check that run out within 60 days.</summary>
    private async Task LoadFollowUpsAsync(IQueryable<Product> products, CancellationToken ct)
    {
        var checks = await db.ProductChecks().AsNoTracking()
            .Where(k => products.Any(p => p.Id == k.Certificate!.ProductId) && k.Certificate!.RevokedOn == null)
            .Select(k => new { k.Id, k.CertificateId, k.Certificate!.Number, ProductName = k.Certificate.Product!.Name, k.CheckedOn, k.FollowUp, k.FollowUpDueOn, k.FollowUpDoneOn, k.FoodSafetyPapersExpireOn })
            .ToListAsync(ct);
        FollowUps = checks.Where(k => k.FollowUp is not null && k.FollowUpDoneOn is null)
            .Select(k => new FollowUpRow(k.CertificateId, k.Number, k.ProductName, k.CheckedOn, "Khắc phục: " + k.FollowUp, k.FollowUpDueOn, k.FollowUpDueOn is DateOnly due && Today > due))
            .Concat(checks.GroupBy(k => k.CertificateId).Select(g => g.MaxBy(k => k.CheckedOn)!)
                .Where(k => PostRecognitionChecks.PapersNeedRenewal(k.FoodSafetyPapersExpireOn, Today))
                .Select(k => new FollowUpRow(k.CertificateId, k.Number, k.ProductName, k.CheckedOn, "Giấy chứng nhận an toàn thực phẩm hết hạn ngày " + Display.Date(k.FoodSafetyPapersExpireOn),
                    k.FoodSafetyPapersExpireOn, k.FoodSafetyPapersExpireOn < Today)))
            .OrderByDescending(r => r.Late).ThenBy(r => r.DueOn).ToList();
    }
}
