using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Core.Registry;
using Ocop.Core.Text;
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

    /// <summary>
    /// The subjects matching the search words and the filters. Every word must be found in the subject's key (name,
    /// representative, tax code, registration; through the trigram indexes, ADR 0005), in its commune's name then or now,
    /// or in its legal form's words ("htx" for a cooperative whatever its name says), as <see cref="SearchQuery"/> rules.
    /// </summary>
    public async Task<IQueryable<Subject>> FilterAsync(OcopDbContext db, IQueryable<Subject> subjects, CancellationToken ct)
    {
        var query = SearchQuery.Parse(Q);
        if (!query.IsEmpty)
        {
            var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
            foreach (var term in query.Terms)
            {
                var keyed = term.Spellings.Select(spelling => TextSearch.SubjectIds(db, spelling)).Aggregate((a, b) => a.Union(b));
                var communes = CommunesNamed(units, term);
                var forms = Enum.GetValues<LegalForm>().Where(f => term.FoundIn([SearchQuery.LegalFormWords(f)])).ToList();
                subjects = subjects.Where(s => keyed.Contains(s.Id) || communes.Contains(s.CommuneId) || forms.Contains(s.LegalForm));
            }
        }

        return FilterByValues(subjects);
    }

    /// <summary>Communes whose name, then or now, has the term: "Đa Lộc" and "Châu Thành" both name the former Đa Lộc.</summary>
    private static List<int> CommunesNamed(UnitDirectory.Snapshot units, SearchTerm term)
    {
        var named = new List<int>();
        foreach (var unit in units.All)
        {
            if (units.Communes.Contains(unit.Id)
                && (term.FoundIn([unit.SearchKey]) || (unit.ValidTo is not null && term.FoundIn([units.Latest(unit).SearchKey]))))
            {
                named.Add(unit.Id);
            }
        }

        return named;
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

    /// <summary>The orders of the list, one per column, each reversed by a leading "-"; with words, best matches first unless another is chosen.</summary>
    public IQueryable<Subject> Order(IQueryable<Subject> subjects) => Sort switch
    {
        "-name" => subjects.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
        "updated" => subjects.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
        "-updated" => subjects.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id),
        "commune" => subjects.OrderBy(s => s.Commune!.Name).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "-commune" => subjects.OrderByDescending(s => s.Commune!.Name).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "form" => subjects.OrderBy(s => s.LegalForm).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "-form" => subjects.OrderByDescending(s => s.LegalForm).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "products" => subjects.OrderBy(s => s.Products.Count(p => p.Status != ProductStatus.Archived)).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "-products" => subjects.OrderByDescending(s => s.Products.Count(p => p.Status != ProductStatus.Archived)).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "representative" => subjects.OrderBy(s => s.Representative).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "-representative" => subjects.OrderByDescending(s => s.Representative).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "phone" => subjects.OrderBy(s => s.Phone).ThenBy(s => s.Name).ThenBy(s => s.Id),
        "-phone" => subjects.OrderByDescending(s => s.Phone).ThenBy(s => s.Name).ThenBy(s => s.Id),
        _ => subjects.OrderBy(s => s.Name).ThenBy(s => s.Id),
    };

    public const string SortHelp = "sort: name, form, commune, representative, phone, products, updated (\"-\" đảo chiều), relevance (mặc định khi có q: khớp nhất trước)";

    private bool ByRelevance(SearchQuery query) => !query.IsEmpty && (string.IsNullOrEmpty(Sort) || Sort == "relevance");

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
        var query = SearchQuery.Parse(Q);
        if (query.IsEmpty)
        {
            var ordered = Order(FilterByValues(visible.AsNoTracking()));
            var total = await ordered.CountAsync(ct);
            return (await WithCurrentCommunesAsync(db, await Project(ordered.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize)).ToListAsync(ct), ct), total);
        }

        var ids = await OrderedIdsAsync(db, visible, query, ct);
        return (await RowsAsync(db, ids.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize).ToList(), ct), ids.Count);
    }

    /// <summary>Every matching row in the list's order, for the export.</summary>
    public async Task<List<SubjectRow>> AllAsync(OcopDbContext db, IQueryable<Subject> visible, CancellationToken ct)
    {
        var query = SearchQuery.Parse(Q);
        return query.IsEmpty
            ? await WithCurrentCommunesAsync(db, await Project(Order(FilterByValues(visible.AsNoTracking()))).ToListAsync(ct), ct)
            : await RowsAsync(db, await OrderedIdsAsync(db, visible, query, ct), ct);
    }

    // The words are looked up once (trigram indexes, commune names, legal forms), scope, filters and order apply to those
    // ids; with no other order chosen the best matches come first (ties in name order).
    private async Task<List<int>> OrderedIdsAsync(OcopDbContext db, IQueryable<Subject> visible, SearchQuery query, CancellationToken ct)
    {
        var filtered = Order(await FilterAsync(db, visible.AsNoTracking(), ct));
        if (!ByRelevance(query))
        {
            return await filtered.Select(s => s.Id).ToListAsync(ct);
        }

        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        var matches = await filtered.Select(s => new { s.Id, s.SearchText, s.LegalForm, s.CommuneId }).ToListAsync(ct);
        return matches
            .OrderByDescending(s => query.Rank(s.SearchText, SearchQuery.LegalFormWords(s.LegalForm), CommuneKey(units, s.CommuneId)))
            .Select(s => s.Id)
            .ToList();
    }

    private static string CommuneKey(UnitDirectory.Snapshot units, int communeId) =>
        units.ById.TryGetValue(communeId, out var commune) ? commune.SearchKey + " | " + units.Latest(commune).SearchKey : "";

    private static async Task<List<SubjectRow>> RowsAsync(OcopDbContext db, List<int> ids, CancellationToken ct)
    {
        var rows = await Project(db.Subjects.AsNoTracking().Where(s => ids.Contains(s.Id))).ToListAsync(ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        rows.Sort((a, b) => position[a.Id].CompareTo(position[b.Id]));
        return await WithCurrentCommunesAsync(db, rows, ct);
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
