using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.CraftVillages;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    public sealed record Row(int Id, string Name, string Commune, string? Decision, DateOnly? RecognisedOn, DateOnly? EndedOn, bool IsTraditional, int Subjects, bool IsArchived, bool CanEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanCreate = RegistryAccess.CanCreateSubject(scope.Role);
        var villages = db.CraftVillages.AsNoTracking()
            .Where(v => scope.ReachesEveryUnit || scope.CommuneIds.Contains(v.CommuneId))
            .OrderBy(v => v.IsArchived).ThenBy(v => v.Name).ThenBy(v => v.Id)
            .Select(v => new
            {
                v.Id,
                v.Name,
                Commune = v.Commune!.Name,
                v.RecognitionDecision,
                v.RecognisedOn,
                v.EndedOn,
                v.IsTraditional,
                v.IsArchived,
                v.CommuneId,
                Subjects = db.Subjects.Count(s => s.CraftVillageId == v.Id && !s.IsArchived),
            });
        var page = await Paging.OfAsync(Request, villages, PageNumber, Paging.PageSize, ct);
        (Total, Pager) = (page.Total, page.Pager);
        Rows = page.Rows.Select(v => new Row(v.Id, v.Name, v.Commune, v.RecognitionDecision, v.RecognisedOn, v.EndedOn, v.IsTraditional, v.Subjects, v.IsArchived,
            scope.CanEdit(v.CommuneId) && scope.Role != Role.Producer)).ToList();
    }
}
