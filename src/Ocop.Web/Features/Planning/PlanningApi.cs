using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>Plans and their targets with live figures, for the same users and with the same figures as the dashboard.</summary>
public static class PlanningApi
{
    public static RouteGroupBuilder MapPlanningApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans", ListAsync)
            .WithName("ListPlans")
            .WithTags("Planning")
            .WithSummary("Danh sách kế hoạch / List plans")
            .WithDescription("Chương trình, kế hoạch tỉnh, huyện, xã: số, tên, cơ quan ban hành, kỳ, tình trạng hôm nay (InForce, Upcoming, Ended), "
                + "đơn vị, kế hoạch cấp trên, ghi chú; kế hoạch đang thực hiện trước. " + UnitQuery.CodeHelp
                + " — chỉ các kế hoạch của đơn vị đó và của các đơn vị thuộc hoặc đã sáp nhập vào nó. Không dành cho chủ thể sản xuất.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/plans/{id:int}/targets", TargetsAsync)
            .WithName("GetPlanTargets")
            .WithTags("Planning")
            .WithSummary("Chỉ tiêu của kế hoạch với số liệu / Plan targets with figures")
            .WithDescription("unit: mã đơn vị hành chính (mặc định: đơn vị của kế hoạch; VN: toàn quốc); at: ngày yyyy-MM-dd (mặc định: hôm nay). "
                + "Mỗi chỉ tiêu: mã, nội dung, chỉ số, giá trị (số liệu đã chốt nếu ngày đó đã chốt), tử số, mẫu số, mục tiêu, hướng, hạn, đánh giá, số liệu hiện tại.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<PlanRow>>, ProblemHttpResult>> ListAsync(
        string? unit, string? at, UserScopeLoader scopes, OcopDbContext db, UnitDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbidden();
        }

        var today = Display.Today(clock);
        var query = db.Plans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var place = new UnitQuery(Unit: unit, At: at).Resolve(await directory.GetAsync(db, ct), today);
            if (place.Error is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
            }

            var covered = (await directory.GetAsync(db, ct)).Covered([place.Named!.Id]).ToList();
            query = query.Where(p => p.UnitId != null && covered.Contains(p.UnitId.Value));
        }

        var plans = await query
            .Select(p => new PlanRow(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.PeriodFrom, p.PeriodTo, PlanStanding.InForce,
                p.Unit == null ? null : p.Unit.Code, p.Unit == null ? "Toàn quốc" : p.Unit.Name, p.ParentId, p.Note))
            .ToListAsync(ct);
        var byId = plans.ToDictionary(p => p.Id);
        return TypedResults.Ok(PlanInForce.PickerOrder(plans.Select(p => new PlanPeriod(p.Id, null, p.PeriodFrom, p.PeriodTo, p.IssuedOn)), today)
            .Select(p => byId[p.Id] with { Standing = p.StandingOn(today) }).ToList());
    }

    private static async Task<Results<Ok<PlanTargets>, ProblemHttpResult>> TargetsAsync(
        int id, string? unit, string? at, UserScopeLoader scopes, PlanFigures figures, TimeProvider clock, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbidden();
        }

        var date = Display.Today(clock);
        if (!string.IsNullOrWhiteSpace(at) && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ngày không hợp lệ.", detail: "Tham số at có dạng yyyy-MM-dd, ví dụ 2025-12-31.");
        }

        var plan = await figures.PlanAsync(id, ct);
        if (plan is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy kế hoạch.");
        }

        int? unitId = plan.UnitId ?? 0;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            unitId = await figures.UnitIdByCodeAsync(unit.Trim(), date, ct);
            if (unitId is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Mã đơn vị không hợp lệ.",
                    detail: "Tham số unit là mã đơn vị hành chính (ví dụ 847) hoặc VN cho toàn quốc.");
            }
        }

        var figureUnit = await figures.UnitAsync(unitId, scope, ct);
        if (figureUnit is null)
        {
            return Forbidden("Đơn vị này nằm ngoài phạm vi bạn phụ trách.");
        }

        var facts = await figures.FactsAsync(figureUnit, ct);
        var targets = await figures.TargetFiguresAsync(plan, figureUnit, date, facts, ct);
        return TypedResults.Ok(new PlanTargets(plan.Id, plan.Number, figureUnit.Code, figureUnit.Name, date, targets.Select(t => new PlanTargetFigure(
            t.Code, t.Wording, t.IndicatorCode, t.IndicatorName, t.Output, t.Value, t.Numerator, t.Denominator, t.TargetValue, t.Direction, t.Deadline,
            t.State, Display.Name(t.State), t.Snapshot?.Value, t.Snapshot is not null, t.LiveValue, t.CorrectedAfterSnapshot)).ToList()));
    }

    private static ProblemHttpResult Forbidden(string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bạn không có quyền xem kế hoạch và chỉ tiêu.", detail: detail);
}

/// <param name="Standing">Whether the plan is in force today, still to come or ended.</param>
/// <param name="Note">The office's remark on the plan (a demo plan says so here).</param>
public sealed record PlanRow(int Id, string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly PeriodFrom, DateOnly PeriodTo,
    PlanStanding Standing, string? UnitCode, string UnitName, int? ParentId, string? Note);

/// <param name="Unit">The unit's code ("VN" for the whole country).</param>
/// <param name="At">The date of the figures.</param>
public sealed record PlanTargets(int PlanId, string Number, string Unit, string UnitName, DateOnly At, List<PlanTargetFigure> Targets);

/// <param name="Value">The figure: the year-end snapshot where the date has one, else the live value; null when the denominator is empty.</param>
/// <param name="SnapshotValue">The kept snapshot's value, when the date has a snapshot.</param>
/// <param name="CurrentValue">The live value computed from today's data.</param>
/// <param name="CorrectedAfterSnapshot">The data changed after the snapshot: the live value differs from it.</param>
public sealed record PlanTargetFigure(string Code, string Wording, string Indicator, string IndicatorName, MeasureOutput Output,
    decimal? Value, long Numerator, long? Denominator, decimal TargetValue, TargetDirection Direction, DateOnly Deadline,
    TargetState Status, string StatusName, decimal? SnapshotValue, bool HasSnapshot, decimal? CurrentValue, bool CorrectedAfterSnapshot);
