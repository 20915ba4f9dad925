using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>The subject list's query, shared by the page, the XLSX export and the API.</summary>
public sealed record SubjectSearch(
    string? Q, int? Commune, LegalForm? Form, bool Archived, string? Sort, int Page = 1, int PageSize = 20, int? Province = null,
    string? Unit = null, string? At = null)
{
    /// <summary>The place filter: a province or commune id, or an official unit code on a date, each covering its predecessors' records.</summary>
    public UnitQuery Place => new(Province, Commune, Unit, At);

    /// <summary>The communes <see cref="Place"/> resolved to (null: no place filter); set before filtering.</summary>
    public IReadOnlySet<int>? PlaceCommunes { get; init; }

    public const int MaxPageSize = 100;

    // Capped so that (page - 1) × page size can never overflow into a negative offset.
    public int SafePage => Math.Clamp(Page, 1, 1_000_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public IQueryable<Subject> Filter(OcopDbContext db, IQueryable<Subject> subjects)
    {
        var folded = VietnameseText.Fold(Q);
        if (folded.Length > 0)
        {
            var matching = TextSearch.SubjectIds(db, folded);
            subjects = subjects.Where(s => matching.Contains(s.Id));
        }

        return FilterByValues(subjects);
    }

    private IQueryable<Subject> FilterByValues(IQueryable<Subject> subjects)
    {
        if (PlaceCommunes is { } communes)
        {
            subjects = subjects.Where(s => communes.Contains(s.CommuneId));
        }

        if (Form is LegalForm form)
        {
            subjects = subjects.Where(s => s.LegalForm == form);
        }

        return subjects.Where(s => s.IsArchived == Archived);
    }

    public IQueryable<Subject> Order(IQueryable<Subject> subjects) => Sort switch
    {
        "-name" => subjects.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
        "updated" => subjects.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
        "-updated" => subjects.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id),
        "commune" => subjects.OrderBy(s => s.Commune!.Name).ThenBy(s => s.Name).ThenBy(s => s.Id),
        _ => subjects.OrderBy(s => s.Name).ThenBy(s => s.Id),
    };

    public static IQueryable<SubjectRow> Project(IQueryable<Subject> subjects) => subjects.Select(s => new SubjectRow(
        s.Id, s.Name, s.LegalForm, s.CommuneId, s.Commune!.Code, s.Commune.Name, s.Representative, s.Phone, s.TaxCode,
        s.WomenLed, s.GreenValueChain, s.SalesChannels, s.Products.Count(p => p.Status != ProductStatus.Archived), s.IsArchived));

    /// <summary>The rows with the commune that holds each one's records today (a merged commune's successor).</summary>
    public static async Task<List<SubjectRow>> WithCurrentCommunesAsync(OcopDbContext db, List<SubjectRow> rows, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        return rows.Select(r => units.ById.TryGetValue(r.CommuneId, out var commune) && units.Latest(commune) is var current
            ? r with { CurrentCommuneId = current.Id, CurrentCommuneName = current.Name }
            : r).ToList();
    }

    /// <summary>One page of rows and the total count, for the page and the API.</summary>
    public async Task<(List<SubjectRow> Rows, int Total)> RunAsync(OcopDbContext db, IQueryable<Subject> visible, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(Q);
        if (folded.Length == 0)
        {
            var ordered = Order(FilterByValues(visible.AsNoTracking()));
            var total = await ordered.CountAsync(ct);
            return (await WithCurrentCommunesAsync(db, await Project(ordered.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize)).ToListAsync(ct), ct), total);
        }

        // As for products: the text is looked up once in the trigram index, scope, filters and order apply to
        // those ids, and only the page is read in full.
        var matches = await TextSearch.SubjectIds(db, folded).ToListAsync(ct);
        var ids = await Order(FilterByValues(visible.AsNoTracking().Where(s => matches.Contains(s.Id))))
            .Select(s => s.Id)
            .ToListAsync(ct);
        var pageIds = ids.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize).ToList();
        var rows = await Project(db.Subjects.AsNoTracking().Where(s => pageIds.Contains(s.Id))).ToListAsync(ct);
        rows.Sort((a, b) => pageIds.IndexOf(a.Id).CompareTo(pageIds.IndexOf(b.Id)));
        return (await WithCurrentCommunesAsync(db, rows, ct), ids.Count);
    }
}

/// <param name="CommuneId">Where the subject was registered (kept as it was: history is never rewritten).</param>
public sealed record SubjectRow(
    int Id, string Name, LegalForm LegalForm, int CommuneId, string CommuneCode, string CommuneName, string Representative, string? Phone,
    string? TaxCode, bool WomenLed, bool GreenValueChain, SalesChannels SalesChannels, int ProductCount, bool IsArchived)
{
    /// <summary>The commune that holds that commune's records today (itself unless it was merged in 2025).</summary>
    public int CurrentCommuneId { get; init; } = CommuneId;
    public string CurrentCommuneName { get; init; } = CommuneName;

    /// <summary>"Xã Đa Lộc (nay Xã Châu Thành)" for a record of a merged commune, else the commune's name.</summary>
    public string CommuneLabel => CurrentCommuneId == CommuneId ? CommuneName : $"{CommuneName} (nay {CurrentCommuneName})";
}
