using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Subjects;

/// <summary>The subject list's query, shared by the page, the XLSX export and the API.</summary>
public sealed record SubjectSearch(string? Q, int? Commune, LegalForm? Form, bool Archived, string? Sort, int Page = 1, int PageSize = 20, int? Province = null)
{
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
        if (Province is int province)
        {
            // A commune's parent is its province since 2025, its district before.
            subjects = subjects.Where(s => s.Commune!.ParentId == province || s.Commune.Parent!.ParentId == province);
        }

        if (Commune is int commune)
        {
            subjects = subjects.Where(s => s.CommuneId == commune);
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
        s.Id, s.Name, s.LegalForm, s.CommuneId, s.Commune!.Name, s.Representative, s.Phone, s.TaxCode,
        s.WomenLed, s.GreenValueChain, s.SalesChannels, s.Products.Count(p => p.Status != ProductStatus.Archived), s.IsArchived));

    /// <summary>One page of rows and the total count, for the page and the API.</summary>
    public async Task<(List<SubjectRow> Rows, int Total)> RunAsync(OcopDbContext db, IQueryable<Subject> visible, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(Q);
        if (folded.Length == 0)
        {
            var ordered = Order(FilterByValues(visible.AsNoTracking()));
            var total = await ordered.CountAsync(ct);
            return (await Project(ordered.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize)).ToListAsync(ct), total);
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
        return (rows, ids.Count);
    }
}

public sealed record SubjectRow(
    int Id, string Name, LegalForm LegalForm, int CommuneId, string CommuneName, string Representative, string? Phone,
    string? TaxCode, bool WomenLed, bool GreenValueChain, SalesChannels SalesChannels, int ProductCount, bool IsArchived);
