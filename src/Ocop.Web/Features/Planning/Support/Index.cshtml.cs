using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>Support records in the user's units: brand, trademark, packaging, traceability, training, promotion.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "kind")] public SupportKind? Kind { get; set; }
    [FromQuery(Name = "archived")] public bool Archived { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, SupportKind Kind, string Description, DateOnly On, long? AmountVnd, string? Reference, int SubjectId, string SubjectName,
        string? ProductName, string CommuneName, int CommuneId, bool IsArchived);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public UserScope Scope { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(Scope.Role))
        {
            return Forbid();
        }

        CanCreate = PlanningAccess.ForSupportRecord(Scope.Role, inScope: true) == RecordAccess.Edit;
        var visible = Scope.Visible(db.Subjects).Select(s => s.Id);
        var query = db.SupportRecords.AsNoTracking().Where(r => visible.Contains(r.SubjectId) && r.IsArchived == Archived);
        if (Kind is SupportKind kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        Total = await query.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize)));
        Rows = await query.OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Kind, r.Description, r.On, r.AmountVnd, r.Reference, r.SubjectId, r.Subject!.Name,
                r.Product == null ? null : r.Product.Name, r.Subject.Commune!.Name, r.Subject.CommuneId, r.IsArchived))
            .ToListAsync(ct);
        Pager = new Pager(Request, page, PageSize, Total);
        return Page();
    }

    public bool CanEdit(Row row) => PlanningAccess.ForSupportRecord(Scope.Role, Scope.ReachesEveryUnit || Scope.CommuneIds.Contains(row.CommuneId)) == RecordAccess.Edit;
}
