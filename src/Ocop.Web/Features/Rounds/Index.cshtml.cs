using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>The evaluation rounds the user may see: all of them for the office and leaders, their own for council members.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public sealed record Row(int Id, string Name, EvaluationLevel Level, string ProcessCode, string UnitName, DateOnly OpensOn, DateOnly ClosesOn, RoundState State, int Products, int Members);

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Row> Rounds { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanManage = RoundAccess.CanManage(scope.Role);
        var rounds = db.EvaluationRounds.AsNoTracking();
        if (!RoundAccess.SeesAll(scope.Role))
        {
            if (scope.Role != Core.Access.Role.CouncilMember)
            {
                return Forbid();
            }

            rounds = rounds.Where(r => r.Members.Any(m => m.UserId == scope.UserId));
        }

        (Rounds, Total, Pager) = await Paging.OfAsync(Request, rounds.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Name, r.Level, r.ProcessCode, r.Unit!.Name, r.OpensOn, r.ClosesOn, r.State, r.Products.Count, r.Members.Count)),
            PageNumber, Paging.PageSize, ct);
        return Page();
    }
}
