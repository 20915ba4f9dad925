using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Cycle;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Tasks;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Home;

/// <summary>One thing waiting for the user, linked to the page where it is done.</summary>
/// <param name="When">A date or a count of days, in words ("hạn 15/12/2026").</param>
/// <param name="Late">Past its date: shown in red and said in words.</param>
public sealed record WorkItem(string Href, string Text, string? Detail = null, string? When = null, bool Late = false);

/// <summary>A heading of the to-do list with its first items, their total and a link to the whole list.</summary>
public sealed record WorkSection(string Title, IReadOnlyList<WorkItem> Items, int Total, string? AllHref = null, string Empty = "Không có việc nào đang chờ.")
{
    /// <summary>How many items a section shows on the home page; the rest are one click away.</summary>
    public const int Shown = 8;
}

/// <summary>
/// What waits for each role (issue 17): the office — dossiers to check, rounds to prepare, certificates entering their
/// re-evaluation window, ideas awaiting its review, overdue tasks, problems raised; a commune officer — the ideas and
/// dossiers of their communes, their tasks due; a department — its tasks; a council member — sheets to score and by
/// when; a producer — their dossiers and what they lack, their certificates' expiry; a leader — the targets of the plan
/// in force and the overdue tasks. Every query reads through the same scope as the page it links to.
/// </summary>
public sealed class WorkList(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, PlanFigures figures, UnitDirectory directory, LinkGenerator links)
{
    private readonly CertificateRules certificates = new(db, clock);
    private DateOnly today;

    public async Task<List<WorkSection>> ForAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        today = Display.Today(clock);
        var sections = new List<WorkSection>();
        switch (scope.Role)
        {
            case Role.Administrator or Role.ProgramOffice:
                sections.Add(await DossiersAsync(scope, [DossierState.Submitted], "Hồ sơ chờ kiểm tra", Page("/Dossiers/Index", new { state = nameof(DossierState.Submitted) }), ct));
                sections.Add(await RoundsToPrepareAsync(scope, ct));
                sections.Add(await CertificatesAsync(scope, "Giấy chứng nhận đến kỳ đánh giá lại", reevaluationOnly: true, ct));
                sections.Add(await IdeasAsync(scope, reviewOnly: true, ct));
                sections.Add(await TasksAsync(scope, overdueOnly: true, ct));
                sections.Add(await ProblemsAsync(ct));
                break;
            case Role.CommuneOfficer:
                sections.Add(await IdeasAsync(scope, reviewOnly: false, ct));
                sections.Add(await DossiersAsync(scope, [DossierState.Draft, DossierState.Returned, DossierState.Submitted], "Hồ sơ của các xã tôi phụ trách", Page("/Dossiers/Index"), ct));
                sections.Add(await TasksAsync(scope, overdueOnly: false, ct));
                break;
            case Role.Department:
                sections.Add(await TasksAsync(scope, overdueOnly: false, ct));
                break;
            case Role.CouncilMember:
                sections.Add(await SheetsToScoreAsync(scope, ct));
                break;
            case Role.Producer:
                sections.Add(await DossiersAsync(scope, [DossierState.Draft, DossierState.Returned, DossierState.Submitted, DossierState.Accepted], "Hồ sơ của tôi", Page("/Dossiers/Index"), ct));
                sections.Add(await CertificatesAsync(scope, "Giấy chứng nhận của tôi", reevaluationOnly: false, ct));
                break;
            case Role.Leader:
                sections.Add(await TargetsAsync(scope, ct));
                sections.Add(await TasksAsync(scope, overdueOnly: true, ct));
                break;
        }

        return sections;
    }

    /// <summary>The address of a page, by its name: a renamed page fails here (and the home page's tests), not in a user's click.</summary>
    private string Page(string page, object? values = null) =>
        links.GetPathByPage(page, values: values) ?? throw new InvalidOperationException($"No page {page} answers these values.");

    private static WorkSection Section(string title, List<WorkItem> items, string? all, string? empty = null) =>
        new(title, items.Take(WorkSection.Shown).ToList(), items.Count, all, empty ?? "Không có việc nào đang chờ.");

    private async Task<WorkSection> DossiersAsync(UserScope scope, DossierState[] states, string title, string all, CancellationToken ct)
    {
        var products = scope.Visible(db.Products);
        var rows = await db.Dossiers.AsNoTracking()
            .Where(d => products.Any(p => p.Id == d.ProductId) && states.Contains(d.State))
            .OrderBy(d => d.SubmittedAt ?? d.UpdatedAt).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.State,
                d.Variant,
                d.Year,
                d.SubmittedAt,
                d.UpdatedAt,
                Product = d.Product!.Name,
                Subject = d.Product.Subject!.Name,
                CategoryCode = d.Product.Category!.Code,
                Filed = d.Documents.Where(f => !f.IsArchived && f.ChecklistItemId != null).Select(f => f.ChecklistItemId!.Value).ToList(),
            })
            .Take(200)
            .ToListAsync(ct);
        var checklist = rows.Exists(r => r.State is DossierState.Draft or DossierState.Returned)
            ? await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived).ToListAsync(ct)
            : [];
        var items = rows.Select(d =>
        {
            string? lacking = null;
            if (d.State is DossierState.Draft or DossierState.Returned)
            {
                var completeness = DossierRules.Assess(
                    checklist.Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, d.CategoryCode, d.Variant)).Select(i => new ChecklistEntry(i.Id, i.Title, i.Required)),
                    d.Filed.ToHashSet());
                lacking = completeness.IsComplete
                    ? "đủ giấy tờ bắt buộc, chờ nộp"
                    : $"còn thiếu {Display.Number(completeness.Missing.Count)} giấy tờ bắt buộc: {string.Join("; ", completeness.Missing.Take(3).Select(m => m.Title))}{(completeness.Missing.Count > 3 ? "; …" : "")}";
            }

            var detail = $"{d.Subject} · {Display.Name(d.State)}" + (lacking is null ? "" : " · " + lacking);
            var when = d.SubmittedAt is { } submitted && d.State == DossierState.Submitted ? "nộp ngày " + Display.Date(submitted) : "cập nhật " + Display.Date(d.UpdatedAt);
            return new WorkItem(Page("/Dossiers/Details", new { id = d.Id }), $"{d.Product} ({Display.Name(d.Variant).ToLowerInvariant()} {d.Year})", detail, when, d.State == DossierState.Returned);
        }).ToList();
        return Section(title, items, all, "Không có hồ sơ nào đang chờ.");
    }

    private async Task<WorkSection> RoundsToPrepareAsync(UserScope scope, CancellationToken ct)
    {
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => r.State == RoundState.Open)
            .OrderBy(r => r.ClosesOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.ClosesOn,
                Products = r.Products.Count,
                Members = r.Members.Count(m => m.UserId != null),
                Submitted = r.Products.SelectMany(p => p.Sheets).Count(s => s.State == MemberSheetState.Submitted),
            })
            .ToListAsync(ct);
        var items = rounds.Select(r =>
        {
            var missing = new List<string>();
            if (r.Members == 0)
            {
                missing.Add("chưa có hội đồng");
            }

            if (r.Products == 0)
            {
                missing.Add("chưa có sản phẩm");
            }

            var detail = missing.Count > 0
                ? string.Join(", ", missing)
                : $"{Display.Number(r.Products)} sản phẩm, {Display.Number(r.Members)} thành viên, {Display.Number(r.Submitted)}/{Display.Number(r.Products * r.Members)} phiếu đã nộp";
            return new WorkItem(Page("/Rounds/Details", new { id = r.Id }), r.Name, detail, "hạn chấm " + Display.Date(r.ClosesOn), r.ClosesOn < today);
        }).ToList();

        var products = scope.Visible(db.Products);
        var waiting = await db.Dossiers.AsNoTracking()
            .CountAsync(d => d.State == DossierState.Accepted && products.Any(p => p.Id == d.ProductId) && !db.RoundProducts.Any(rp => rp.DossierId == d.Id), ct);
        if (waiting > 0)
        {
            items.Insert(0, new WorkItem(Page("/Dossiers/Index", new { state = nameof(DossierState.Accepted) }), $"{Display.Number(waiting)} hồ sơ đã tiếp nhận chưa vào đợt đánh giá", "lập đợt đánh giá hoặc thêm vào đợt đang mở"));
        }

        return Section("Đợt đánh giá cần chuẩn bị, đang chấm", items, Page("/Rounds/Index"), "Không có đợt đánh giá nào đang mở.");
    }

    private async Task<WorkSection> CertificatesAsync(UserScope scope, string title, bool reevaluationOnly, CancellationToken ct)
    {
        var products = scope.Visible(db.Products);
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.SupersededById == null && c.RevokedOn == null && products.Any(p => p.Id == c.ProductId))
            .Select(c => new { Certificate = c, Product = c.Product!.Name })
            .ToListAsync(ct);
        var catalog = await certificates.ProcessesAsync(ct);
        var items = rows
            .Select(r => (r.Certificate, r.Product, Status: CertificateRules.StateOn(r.Certificate, today, catalog)))
            .Where(r => !reevaluationOnly || r.Status.State is CertificateState.ReevaluationWindowOpen or CertificateState.ExpiringSoon or CertificateState.KeptValidPendingReevaluation)
            .Where(r => reevaluationOnly || r.Status.State != CertificateState.Expired || r.Status.DaysToExpiry > -365)
            .OrderBy(r => r.Status.DaysToExpiry)
            .Select(r => new WorkItem(
                Page("/Certificates/Details", new { id = r.Certificate.Id }),
                $"{r.Product} — {Display.Number(r.Certificate.Stars)} sao",
                $"Số {r.Certificate.Number} · {Display.Name(r.Status.State)}",
                r.Status.DaysToExpiry >= 0
                    ? $"hết hạn {Display.Date(r.Certificate.ExpiresOn)} (còn {Display.Number(r.Status.DaysToExpiry)} ngày)"
                    : $"đã hết hạn {Display.Date(r.Certificate.ExpiresOn)}",
                r.Status.State is CertificateState.ExpiringSoon or CertificateState.Expired))
            .ToList();
        return Section(title, items, Page("/Certificates/Index"), reevaluationOnly ? "Không có giấy chứng nhận nào đến kỳ đánh giá lại." : "Chưa có giấy chứng nhận.");
    }

    private async Task<WorkSection> IdeasAsync(UserScope scope, bool reviewOnly, CancellationToken ct)
    {
        var entries = scope.Visible(db.CycleEntries).AsNoTracking().Where(e => e.State == CycleState.Active || e.State == CycleState.Returned);
        if (reviewOnly)
        {
            entries = entries.Where(e => e.Step == CycleStep.FeasibilityReview);
        }

        var rows = await entries.OrderBy(e => e.StepEnteredAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.IdeaName, e.ProposerName, e.Step, e.State, e.StepEnteredAt, e.CommuneId, Commune = e.Commune!.Name })
            .Take(200).ToListAsync(ct);
        // Named by the commune of today: an idea of Đa Lộc in 2024 belongs to Châu Thành now.
        var units = await directory.GetAsync(db, ct);
        string Today(int communeId, string recorded) => units.ById.TryGetValue(communeId, out var unit) ? units.Latest(unit).Name : recorded;
        var items = rows.Select(e =>
        {
            var days = CycleRules.DaysInStep(DateOnly.FromDateTime(e.StepEnteredAt.AddHours(7)), today);
            var stuck = CycleRules.IsStuck(e.State, days);
            return new WorkItem(Page("/Cycle/Details", new { id = e.Id }), e.IdeaName,
                $"{e.ProposerName} · {Today(e.CommuneId, e.Commune)} · bước {(int)e.Step}: {Display.Name(e.Step)}" + (e.State == CycleState.Returned ? " · bị trả lại" : ""),
                $"{Display.Number(days)} ngày ở bước này" + (stuck ? " (đang bị chậm)" : ""), stuck);
        }).ToList();
        return reviewOnly
            ? Section("Ý tưởng chờ đánh giá khả thi", items, Page("/Cycle/Index"), "Không có ý tưởng nào chờ đánh giá khả thi.")
            : Section("Ý tưởng, sản phẩm trong chu trình OCOP", items, Page("/Cycle/Index"), "Không có ý tưởng nào đang theo dõi.");
    }

    private async Task<WorkSection> TasksAsync(UserScope scope, bool overdueOnly, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        var rows = (await TaskSummary.AssessAsync(viewer.Visible(db.PlanTasks), today, ct))
            .Where(r => overdueOnly ? r.Status == PlanTaskStatus.Overdue : r.Status != PlanTaskStatus.Done)
            .Where(r => overdueOnly || viewer.Owns(r.OfficeId, r.CommuneId))
            .ToList();
        var items = rows
            .OrderByDescending(r => r.DaysLate(today)).ThenBy(r => r.Assessment.Open?.Due ?? DateOnly.MaxValue)
            .Select(r => new WorkItem(Page("/Tasks/Details", new { id = r.Id }), r.Title, $"{r.Owner} · {Display.Name(r.Status)}",
                r.Status == PlanTaskStatus.Overdue
                    ? $"quá hạn {Display.Number(r.DaysLate(today))} ngày (hạn {Display.Date(r.Assessment.OverduePeriods[0].Due)})"
                    : r.Assessment.Open is { } open ? $"hạn {Display.Date(open.Due)} ({open.Label})" : null,
                r.Status == PlanTaskStatus.Overdue))
            .ToList();
        return overdueOnly
            ? Section("Nhiệm vụ quá hạn", items, TaskAccess.CanSeeOverdue(scope.Role) ? Page("/Tasks/Overdue") : Page("/Tasks/Index"), "Không có nhiệm vụ nào quá hạn.")
            : Section("Nhiệm vụ của tôi", items, Page("/Tasks/Index"), "Không có nhiệm vụ nào đang chờ báo cáo.");
    }

    private async Task<WorkSection> ProblemsAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        var visible = viewer.Visible(db.PlanTasks);
        var rows = await TaskSummary.ProblemsAsync(db.TaskReports.Where(r => r.ProblemState == ProblemState.Open && visible.Any(t => t.Id == r.TaskId)), ct);
        var items = rows.OrderBy(r => r.RaisedAt)
            .Select(r => new WorkItem(Page("/Tasks/Problems"), r.Problem.Length <= 140 ? r.Problem : r.Problem[..140] + "…", $"{r.Owner} · {r.TaskTitle}", "nêu ngày " + Display.Date(r.RaisedAt)))
            .ToList();
        return Section("Kiến nghị chờ trả lời", items, Page("/Tasks/Problems"), "Không có kiến nghị nào chờ trả lời.");
    }

    private async Task<WorkSection> SheetsToScoreAsync(UserScope scope, CancellationToken ct)
    {
        var seats = await db.CouncilMembers.AsNoTracking()
            .Where(m => m.UserId == scope.UserId && m.Round!.State == RoundState.Open)
            .Select(m => new { m.Id, m.RoundId, Conflicts = m.Conflicts.Select(c => c.SubjectId).ToList() })
            .ToListAsync(ct);
        var roundIds = seats.Select(m => m.RoundId).Distinct().ToList();
        var memberIds = seats.Select(m => m.Id).ToList();
        var products = await db.RoundProducts.AsNoTracking().Where(p => roundIds.Contains(p.RoundId))
            .Select(p => new { p.Id, p.RoundId, Round = p.Round!.Name, p.Round.ClosesOn, Product = p.Product!.Name, p.Product.SubjectId, Subject = p.Product.Subject!.Name })
            .ToListAsync(ct);
        var sheets = await db.MemberScoresheets.AsNoTracking().Where(s => memberIds.Contains(s.CouncilMemberId))
            .Select(s => new { s.RoundProductId, s.CouncilMemberId, s.State })
            .ToListAsync(ct);
        // A product of a subject the member declared a conflict with is never theirs to score.
        var rows = products
            .SelectMany(p => seats.Where(m => m.RoundId == p.RoundId && !m.Conflicts.Contains(p.SubjectId)), (p, m) => new
            {
                p.Id,
                p.RoundId,
                p.Round,
                p.ClosesOn,
                p.Product,
                p.Subject,
                State = sheets.Where(s => s.RoundProductId == p.Id && s.CouncilMemberId == m.Id).Select(s => (MemberSheetState?)s.State).FirstOrDefault(),
            })
            .ToList();
        var items = rows.Where(r => r.State is null or MemberSheetState.NotStarted or MemberSheetState.Draft)
            .OrderBy(r => r.ClosesOn).ThenBy(r => r.Round, StringComparer.Create(Display.Vi, false)).ThenBy(r => r.Product, StringComparer.Create(Display.Vi, false))
            .Select(r => new WorkItem(Page("/Rounds/Score", new { id = r.RoundId, roundProductId = r.Id }), r.Product,
                $"{r.Subject} · {r.Round} · {(r.State == MemberSheetState.Draft ? "đang chấm (nháp)" : "chưa chấm")}",
                r.ClosesOn >= today ? $"hạn {Display.Date(r.ClosesOn)} (còn {Display.Number(r.ClosesOn.DayNumber - today.DayNumber)} ngày)" : $"đã quá hạn {Display.Date(r.ClosesOn)}",
                r.ClosesOn < today))
            .ToList();
        return Section("Phiếu cần chấm", items, Page("/Rounds/Index"), "Không có phiếu nào cần chấm.");
    }

    private async Task<WorkSection> TargetsAsync(UserScope scope, CancellationToken ct)
    {
        var choices = await PlanChoices.LoadAsync(db, directory, scope, today, ct);
        var plan = choices.DefaultPlanId is { } id ? await figures.PlanAsync(id, ct) : null;
        var unit = plan is null ? null : await figures.UnitAsync(choices.DefaultUnitFor(plan.UnitId), scope, ct);
        if (plan is null || unit is null)
        {
            return Section("Chỉ tiêu của kế hoạch", [], Page("/Planning/Index"), "Chưa có kế hoạch đang có hiệu lực.");
        }

        var facts = await figures.FactsAsync(unit, ct);
        var targets = await figures.TargetFiguresAsync(plan, unit, today, facts, ct);
        var unitId = unit.UnitId ?? 0;
        var items = targets
            .OrderBy(t => t.State == TargetState.Behind || t.State == TargetState.NotAchieved ? 0 : 1).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => new WorkItem(
                Page("/Planning/Records", new { plan = plan.Id, target = t.TargetId, unit = unitId }),
                $"{t.Code}. {t.Wording}",
                $"{PlanDisplay.Figure(t.Value, t.Output)} / {PlanDisplay.Target(t.TargetValue, t.Direction, t.Output)} · {Display.Name(t.State)}",
                "hạn " + Display.Date(t.Deadline),
                t.State is TargetState.Behind or TargetState.NotAchieved))
            .ToList();
        return new WorkSection($"Chỉ tiêu: {plan.Number} – {unit.Name}", items, items.Count,
            Page("/Planning/Dashboard", new { plan = plan.Id, unit = unitId }), "Kế hoạch chưa có chỉ tiêu.");
    }
}
