using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;

namespace Ocop.Web.Features.Planning;

/// <summary>A unit the figures are for: an administrative unit, or the whole country (<see cref="UnitId"/> null).</summary>
/// <param name="Communes">The communes counted; null for the whole country seen by a user who reaches every unit.</param>
public sealed record FigureUnit(int? UnitId, string Code, string Name, UnitLevel? Level, IReadOnlySet<int>? Communes);

public sealed record PlanHeader(int Id, string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly PeriodFrom, DateOnly PeriodTo, int? UnitId);

/// <summary>
/// One target on a date: the figure shown (the snapshot's where the date has one) and the live one behind it. Once the
/// deadline has come the target is judged: <see cref="AtDeadline"/> holds the figure at the deadline, <see cref="State"/>
/// and <see cref="Progress"/> are its verdict, and the figure on the date stands beside it.
/// </summary>
public sealed record TargetFigure(
    int TargetId, string Code, string Wording, int IndicatorId, string IndicatorCode, string IndicatorName, MeasureOutput Output, RecordKind Records,
    decimal? Value, long Numerator, long? Denominator, decimal TargetValue, TargetDirection Direction, DateOnly Deadline,
    TargetState State, int Progress, SnapshotFigure? Snapshot, decimal? LiveValue, long LiveNumerator, long? LiveDenominator, DeadlineFigure? AtDeadline = null)
{
    public bool IsJudged => AtDeadline is not null;

    /// <summary>The data changed after the snapshot was taken: the live figure differs from the kept one.</summary>
    public bool CorrectedAfterSnapshot => Snapshot is not null && (LiveValue != Snapshot.Value || LiveNumerator != Snapshot.Numerator || LiveDenominator != Snapshot.Denominator);
}

public sealed record SnapshotFigure(decimal? Value, long Numerator, long? Denominator, DateTime TakenAt, string TakenBy);

/// <summary>A judged target's figure at its deadline (the snapshot kept for that day, where there is one).</summary>
public sealed record DeadlineFigure(DateOnly On, decimal? Value, long Numerator, long? Denominator, bool FromSnapshot);

public sealed record BreakdownRow(int UnitId, string Name, IReadOnlyDictionary<int, decimal?> Values);

public sealed record StarsRow(string GroupCode, string GroupName, int? GroupId, int Three, int Four, int Five)
{
    public int Total => Three + Four + Five;
}

public sealed record TrendPoint(int Year, DateOnly AsOf, IReadOnlyDictionary<int, decimal?> Values, IReadOnlySet<int> FromSnapshot);

public sealed record ExpiringCertificate(int Id, string Number, int ProductId, string ProductName, string CommuneName, int Stars, DateOnly ExpiresOn);

public sealed record DashboardFigures(
    PlanHeader Plan, FigureUnit Unit, DateOnly At, IReadOnlyList<TargetFigure> Targets, IReadOnlyList<BreakdownRow> Breakdown,
    IReadOnlyList<StarsRow> StarsByGroup, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<ExpiringCertificate> Expiring);

/// <summary>
/// The dashboard's figures as one query, for the dashboard, the API and the periodic report alike: for a plan, a unit and a
/// date, each target's value, numerator, denominator and status, the breakdown by the unit's parts, stars by product group,
/// the trend at each year end and the certificates expiring in the next 90 days. Facts are loaded once per request with
/// narrow projections (one query per kind) and every figure is computed in the core.
/// </summary>
public sealed class PlanFigures(OcopDbContext db, TimeProvider clock, UnitDirectory directory)
{
    public const int ExpiringWithinDays = 90;

    public async Task<PlanHeader?> PlanAsync(int id, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PlanHeader(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.UnitId))
            .SingleOrDefaultAsync(ct);

    /// <summary>Plans to choose from, the most local first: a district's office and leader open their own plan by default.</summary>
    public async Task<List<(int Id, string Label)>> PlanChoicesAsync(CancellationToken ct) =>
        (await db.Plans.AsNoTracking().OrderByDescending(p => p.UnitId != null).ThenByDescending(p => p.IssuedOn)
            .Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct))
        .Select(p => (p.Id, $"{p.Number} – {p.Title}")).ToList();

    /// <summary>The unit by id (0 or null: the whole country), narrowed to what the user may see; null when it does not exist or lies wholly outside the user's units.</summary>
    public async Task<FigureUnit?> UnitAsync(int? unitId, UserScope scope, CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        FigureUnit unit;
        if (unitId is null or 0)
        {
            unit = new FigureUnit(null, "VN", "Toàn quốc", null, null);
        }
        else
        {
            if (!units.ById.TryGetValue(unitId.Value, out var row))
            {
                return null;
            }

            unit = new FigureUnit(row.Id, row.Code, row.Name, row.Level, CommunesOf(units, row.Id));
        }

        if (scope.ReachesEveryUnit)
        {
            return unit;
        }

        var visible = unit.Communes is null ? scope.CommuneIds.ToHashSet() : unit.Communes.Where(scope.CommuneIds.Contains).ToHashSet();
        if (visible.Count == 0)
        {
            return null;
        }

        // The whole country seen by someone with assigned units is the sum of their units.
        return unit.Communes is null ? unit with { Name = "Các đơn vị bạn phụ trách", Communes = visible } : unit with { Communes = visible };
    }

    /// <summary>A unit by its statistics code: the one valid on the date, else the latest with that code. "VN" is the whole country.</summary>
    public async Task<int?> UnitIdByCodeAsync(string code, DateOnly at, CancellationToken ct)
    {
        if (string.Equals(code, "VN", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return (await directory.GetAsync(db, ct)).Named(code, at)?.Id;
    }

    /// <summary>
    /// Units a user may pick, never thousands: for those who reach every unit, the provinces (former ones too) and the
    /// deploying office's former districts and communes of today; otherwise their units and those above them, former
    /// communes left out of a wide reach. The unit on show is always offered. Any other unit is reached by its code
    /// (<c>?unit=</c> on the API) or from the units page.
    /// </summary>
    public async Task<List<(int Id, string Label)>> PickableUnitsAsync(UserScope scope, int? selected, CancellationToken ct)
    {
        const int ManyUnits = 200;
        var units = await directory.GetAsync(db, ct);
        var pickable = new HashSet<int>();
        if (scope.ReachesEveryUnit)
        {
            pickable.UnionWith(units.Provinces.Select(p => p.Id));
            pickable.UnionWith(units.Covered(units.HomeUnits).Where(id => units.ById[id] is { } u
                && (u.Level == UnitLevel.District || (u.Level == UnitLevel.Commune && u.ValidTo is null))));
        }
        else
        {
            foreach (var commune in scope.CommuneIds)
            {
                var current = units.ById.GetValueOrDefault(commune);
                while (current is not null && pickable.Add(current.Id))
                {
                    current = units.Parent(current);
                }
            }

            if (pickable.Count > ManyUnits)
            {
                pickable.RemoveWhere(id => units.ById[id] is { Level: UnitLevel.Commune, ValidTo: not null });
            }
        }

        if (selected is int chosen && units.ById.ContainsKey(chosen))
        {
            pickable.Add(chosen);
        }

        var rows = pickable.Select(id => units.ById[id])
            .OrderBy(u => u.Level).ThenBy(u => u.ValidTo == null ? 0 : 1).ThenBy(u => u.Name, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false))
            .Select(u => (u.Id, $"{units.Describe(u)} – mã {u.Code}"))
            .ToList();
        rows.Insert(0, (0, scope.ReachesEveryUnit ? "Toàn quốc" : "Các đơn vị bạn phụ trách"));
        return rows;
    }

    /// <summary>
    /// The facts inside the unit, one narrow query per kind (the whole country when the unit has no commune set): subjects,
    /// their dated legal forms, green value chains and channels, products, certificates, craft villages, support.
    /// </summary>
    public async Task<PlanFacts> FactsAsync(FigureUnit unit, CancellationToken ct)
    {
        var communes = unit.Communes?.ToList();
        var subjectQuery = db.Subjects.AsNoTracking();
        var formQuery = db.SubjectLegalForms.AsNoTracking();
        var greenQuery = db.SubjectGreenChains.AsNoTracking();
        var channelQuery = db.SubjectChannels.AsNoTracking();
        var productQuery = db.Products.AsNoTracking();
        var certificateQuery = db.Certificates.AsNoTracking();
        var villageQuery = db.CraftVillages.AsNoTracking();
        var supportQuery = db.SupportRecords.AsNoTracking();
        if (communes is not null)
        {
            subjectQuery = subjectQuery.Where(s => communes.Contains(s.CommuneId));
            formQuery = formQuery.Where(p => communes.Contains(p.Subject!.CommuneId));
            greenQuery = greenQuery.Where(p => communes.Contains(p.Subject!.CommuneId));
            channelQuery = channelQuery.Where(p => communes.Contains(p.Subject!.CommuneId));
            productQuery = productQuery.Where(p => communes.Contains(p.CommuneId));
            certificateQuery = certificateQuery.Where(c => communes.Contains(c.Product!.CommuneId));
            villageQuery = villageQuery.Where(v => communes.Contains(v.CommuneId));
            supportQuery = supportQuery.Where(r => communes.Contains(r.Product != null ? r.Product.CommuneId : r.Subject!.CommuneId));
        }

        var subjects = await subjectQuery
            .Select(s => new { s.Id, s.CommuneId, s.RegisteredOn, s.IsArchived, s.WomenLed, s.WorkersTotal, s.WorkersTrained, s.CraftVillageId })
            .ToListAsync(ct);
        var forms = (await formQuery.Select(p => new { p.SubjectId, p.LegalForm, p.StartedOn, p.EndedOn }).ToListAsync(ct))
            .ToLookup(p => p.SubjectId, p => new Dated<LegalForm>(p.LegalForm, new(p.StartedOn, p.EndedOn)));
        var greens = (await greenQuery.Select(p => new { p.SubjectId, p.StartedOn, p.EndedOn }).ToListAsync(ct))
            .ToLookup(p => p.SubjectId, p => new FactPeriod(p.StartedOn, p.EndedOn));
        var channels = (await channelQuery.Select(p => new { p.SubjectId, p.Channel, p.StartedOn, p.EndedOn }).ToListAsync(ct))
            .ToLookup(p => p.SubjectId, p => new Dated<SalesChannels>(p.Channel, new(p.StartedOn, p.EndedOn)));
        var products = await productQuery
            .Select(p => new ProductFact(p.Id, p.SubjectId, p.CommuneId, p.CategoryId, p.Status == ProductStatus.Archived))
            .ToListAsync(ct);
        var certificates = await certificateQuery
            .Select(c => new { c.Id, c.ProductId, c.Stars, c.IssuedOn, c.ExpiresOn, c.RevokedOn, c.SupersededById, c.ReevaluationFiledOn, c.ReevaluationDecidedOn })
            .ToListAsync(ct);
        var issued = certificates.ToDictionary(c => c.Id, c => c.IssuedOn);
        var villages = await villageQuery.Select(v => new CraftVillageFact(v.Id, v.CommuneId, v.IsTraditional, v.IsArchived, v.RecognisedOn, v.EndedOn)).ToListAsync(ct);
        var support = await supportQuery
            .Select(r => new SupportFact(r.Id, r.SubjectId, r.Product != null ? r.Product.CommuneId : r.Subject!.CommuneId, r.Kind, r.On, r.IsArchived, r.ProductId))
            .ToListAsync(ct);
        // The registers of section III (listings, sales points, raw-material areas, IP titles) add their dated facts.
        return await Ocop.Web.Features.Support.SectionFacts.AddAsync(db, communes, new PlanFacts(
            subjects.Select(s => new SubjectFact(s.Id, s.CommuneId, s.RegisteredOn, s.IsArchived, s.WomenLed, s.WorkersTotal, s.WorkersTrained, s.CraftVillageId)
            {
                LegalForms = [.. forms[s.Id]],
                GreenValueChain = [.. greens[s.Id]],
                Channels = [.. channels[s.Id]],
            }).ToList(),
            products,
            certificates.Select(c => new CertificateFact(c.Id, c.ProductId, c.Stars, c.IssuedOn, c.ExpiresOn, c.RevokedOn,
                c.SupersededById is int by && issued.TryGetValue(by, out var on) ? on : null, c.ReevaluationFiledOn, c.ReevaluationDecidedOn)).ToList(),
            villages, support), ct);
    }

    public sealed record TargetRow(int Id, string Code, string Wording, decimal TargetValue, TargetDirection Direction, DateOnly Deadline, Indicator Indicator)
    {
        /// <summary>The indicator as the core measures it, parsed once: a dashboard evaluates each target many times.</summary>
        public MeasureDefinition Definition { get; } = Indicator.ToDefinition();
    }

    public async Task<List<TargetRow>> TargetsAsync(int planId, CancellationToken ct) =>
        await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == planId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new TargetRow(t.Id, t.Code, t.Wording, t.TargetValue, t.Direction, t.Deadline, t.Indicator!))
            .ToListAsync(ct);

    public async Task<Func<DateOnly, MeasureContext>> ContextsAsync(PlanHeader plan, CancellationToken ct)
    {
        var catalog = await new CertificateRules(db, clock).ProcessesAsync(ct);
        // One context per date, so the facts' cache of valid products is hit by every figure of that date.
        var known = new Dictionary<DateOnly, MeasureContext>();
        return at => known.TryGetValue(at, out var context) ? context
            : known[at] = new MeasureContext(at, plan.PeriodFrom, CertificateRules.PolicyOn(at, catalog));
    }

    /// <summary>Each target's figure on the date, using the kept snapshot where the date has one.</summary>
    public async Task<List<TargetFigure>> TargetFiguresAsync(PlanHeader plan, FigureUnit unit, DateOnly at, PlanFacts facts, CancellationToken ct)
    {
        var targets = await TargetsAsync(plan.Id, ct);
        var contexts = await ContextsAsync(plan, ct);
        return await TargetFiguresAsync(plan, unit, at, facts, targets, contexts, ct);
    }

    private async Task<List<TargetFigure>> TargetFiguresAsync(PlanHeader plan, FigureUnit unit, DateOnly at, PlanFacts facts, List<TargetRow> targets,
        Func<DateOnly, MeasureContext> contexts, CancellationToken ct)
    {
        var deadlines = targets.Select(t => t.Deadline).Where(d => TargetStatus.IsJudged(d, at)).Distinct().ToList();
        var snapshots = await SnapshotsAsync(targets.Select(t => t.Id).ToList(), unit, [at, .. deadlines], ct);
        return targets.Select(t =>
        {
            var definition = t.Definition;
            var live = IndicatorEvaluation.Evaluate(definition, facts, contexts(at));
            snapshots.TryGetValue((t.Id, at), out var snapshot);
            var value = snapshot is null ? live.Value : snapshot.Value;
            DeadlineFigure? atDeadline = null;
            TargetState state;
            int progress;
            if (TargetStatus.IsJudged(t.Deadline, at))
            {
                if (snapshots.TryGetValue((t.Id, t.Deadline), out var kept))
                {
                    atDeadline = new DeadlineFigure(t.Deadline, kept.Value, kept.Numerator, kept.Denominator, FromSnapshot: true);
                }
                else
                {
                    var then = IndicatorEvaluation.Evaluate(definition, facts, contexts(t.Deadline));
                    atDeadline = new DeadlineFigure(t.Deadline, then.Value, then.Numerator, then.Denominator, FromSnapshot: false);
                }

                state = TargetStatus.Verdict(atDeadline.Value, t.TargetValue, t.Direction);
                progress = TargetStatus.Progress(atDeadline.Value, t.TargetValue, t.Direction);
            }
            else
            {
                var baseline = IndicatorEvaluation.Evaluate(definition, facts, contexts(plan.PeriodFrom)).Value;
                state = TargetStatus.Of(value, t.TargetValue, t.Direction, plan.PeriodFrom, t.Deadline, at, baseline);
                progress = TargetStatus.Progress(value, t.TargetValue, t.Direction);
            }

            return new TargetFigure(t.Id, t.Code, t.Wording, t.Indicator.Id, t.Indicator.Code, t.Indicator.Name, t.Indicator.Output, live.Records,
                value, snapshot?.Numerator ?? live.Numerator, snapshot is null ? live.Denominator : snapshot.Denominator,
                t.TargetValue, t.Direction, t.Deadline, state, progress, snapshot, live.Value, live.Numerator, live.Denominator, atDeadline);
        }).ToList();
    }

    /// <summary>The whole dashboard.</summary>
    public async Task<DashboardFigures> DashboardAsync(PlanHeader plan, FigureUnit unit, DateOnly at, CancellationToken ct)
    {
        var facts = await FactsAsync(unit, ct);
        var targets = await TargetsAsync(plan.Id, ct);
        var contexts = await ContextsAsync(plan, ct);
        var figures = await TargetFiguresAsync(plan, unit, at, facts, targets, contexts, ct);
        var breakdown = await BreakdownAsync(unit, at, facts, targets, contexts, ct);
        var stars = await StarsByGroupAsync(facts, contexts(at), ct);
        var trend = await TrendAsync(plan, unit, at, facts, targets, contexts, ct);
        var expiring = await ExpiringAsync(facts, contexts(at), ct);
        return new DashboardFigures(plan, unit, at, figures, breakdown, stars, trend, expiring);
    }

    /// <summary>The unit's parts: the country by province, a province by its districts (or communes after 2025), a district by commune.</summary>
    private async Task<List<BreakdownRow>> BreakdownAsync(FigureUnit unit, DateOnly at, PlanFacts facts, List<TargetRow> targets,
        Func<DateOnly, MeasureContext> contexts, CancellationToken ct)
    {
        if (unit.Level == UnitLevel.Commune)
        {
            return [];
        }

        var units = await directory.GetAsync(db, ct);
        var byId = units.ById;
        var partOf = new Dictionary<int, int>();
        var communes = unit.Communes ?? units.Communes;
        foreach (var commune in communes)
        {
            // A district is broken down by commune; a province or the country by its direct parts.
            var part = commune;
            if (unit.Level != UnitLevel.District)
            {
                var current = byId.GetValueOrDefault(commune);
                while (current?.ParentId is int parent && parent != unit.UnitId && byId.TryGetValue(parent, out var up)
                    && (unit.UnitId is not null || current.Level != UnitLevel.Province))
                {
                    current = up;
                }

                part = current?.Id ?? commune;
            }

            partOf[commune] = part;
        }

        var parts = facts.PartitionBy(partOf);
        var context = contexts(at);
        return parts.Where(p => p.Value.Subjects.Count + p.Value.Products.Count + p.Value.Villages.Count + p.Value.Support.Count > 0)
            .Select(p => new BreakdownRow(p.Key, byId.TryGetValue(p.Key, out var u) ? u.Name : "?",
                targets.ToDictionary(t => t.Id, t => IndicatorEvaluation.Evaluate(t.Definition, p.Value, context).Value)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<List<StarsRow>> StarsByGroupAsync(PlanFacts facts, MeasureContext context, CancellationToken ct)
    {
        var categories = await db.ProductCategories.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.Level, c.ParentId }).ToDictionaryAsync(c => c.Id, ct);
        int? GroupOf(int categoryId)
        {
            var c = categories.GetValueOrDefault(categoryId);
            while (c is not null && c.Level > 2 && c.ParentId is int parent)
            {
                c = categories.GetValueOrDefault(parent);
            }

            return c?.Id;
        }

        return IndicatorEvaluation.ValidProducts(facts, context).Values
            .GroupBy(c => GroupOf(facts.ProductsById[c.ProductId].CategoryId))
            .Select(g => new StarsRow(g.Key is int id ? categories[id].Code : "?", g.Key is int id2 ? categories[id2].Name : "Chưa phân nhóm", g.Key,
                g.Count(c => c.Stars == 3), g.Count(c => c.Stars == 4), g.Count(c => c.Stars == 5)))
            .OrderBy(r => r.GroupCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each year of the plan up to the date: the figure on 31/12 (the kept snapshot where one exists), and on the date for its own year.</summary>
    private async Task<List<TrendPoint>> TrendAsync(PlanHeader plan, FigureUnit unit, DateOnly at, PlanFacts facts, List<TargetRow> targets,
        Func<DateOnly, MeasureContext> contexts, CancellationToken ct)
    {
        var dates = new List<DateOnly>();
        for (var year = plan.PeriodFrom.Year; year <= Math.Min(plan.PeriodTo.Year, at.Year); year++)
        {
            var yearEnd = new DateOnly(year, 12, 31);
            dates.Add(yearEnd <= at ? yearEnd : at);
        }

        var snapshots = await SnapshotsAsync(targets.Select(t => t.Id).ToList(), unit, dates, ct);
        return dates.Select(date =>
        {
            var fromSnapshot = new HashSet<int>();
            var values = targets.ToDictionary(t => t.Id, t =>
            {
                if (snapshots.TryGetValue((t.Id, date), out var s))
                {
                    fromSnapshot.Add(t.Id);
                    return s.Value;
                }

                return IndicatorEvaluation.Evaluate(t.Definition, facts, contexts(date)).Value;
            });
            return new TrendPoint(date.Year, date, values, fromSnapshot);
        }).ToList();
    }

    private async Task<List<ExpiringCertificate>> ExpiringAsync(PlanFacts facts, MeasureContext context, CancellationToken ct)
    {
        var until = context.At.AddDays(ExpiringWithinDays);
        var ids = facts.Certificates
            .Where(c => c.ExpiresOn >= context.At && c.ExpiresOn <= until && IndicatorEvaluation.IsValidOn(c, context)
                && facts.ProductsById.TryGetValue(c.ProductId, out var p) && !p.IsArchived)
            .Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.ExpiresOn).ThenBy(c => c.Number)
            .Select(c => new ExpiringCertificate(c.Id, c.Number, c.ProductId, c.Product!.Name, c.Product.Commune!.Name, c.Stars, c.ExpiresOn))
            .ToListAsync(ct);
    }

    /// <summary>Kept snapshots of the targets for the unit on the dates, by target and date.</summary>
    public async Task<Dictionary<(int TargetId, DateOnly AsOf), SnapshotFigure>> SnapshotsAsync(List<int> targetIds, FigureUnit unit, List<DateOnly> dates, CancellationToken ct)
    {
        var unitId = unit.UnitId;
        var rows = await db.IndicatorSnapshots.AsNoTracking()
            .Where(s => s.PlanTargetId != null && targetIds.Contains(s.PlanTargetId.Value) && s.UnitId == unitId && dates.Contains(s.AsOf))
            .Select(s => new { TargetId = s.PlanTargetId!.Value, s.AsOf, s.Value, s.Numerator, s.Denominator, s.TakenAt, s.TakenBy })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.TargetId, r.AsOf))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.TakenAt).Select(r => new SnapshotFigure(r.Value, r.Numerator, r.Denominator, r.TakenAt, r.TakenBy)).First());
    }

    /// <summary>
    /// The communes whose records a unit holds: itself if a commune, the communes inside it, and the former communes
    /// merged into any of those (as a user's scope does), so a province of today counts the old district years.
    /// </summary>
    private static HashSet<int> CommunesOf(UnitDirectory.Snapshot units, int unitId) => units.CommunesCovered([unitId]);
}
