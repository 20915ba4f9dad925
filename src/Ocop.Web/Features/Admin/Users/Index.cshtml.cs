using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Users;

public sealed class IndexModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public sealed record Row(string Id, string UserName, string FullName, Role Role, string Reach, bool IsArchived, bool LockedOut);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking().OrderBy(u => u.IsArchived).ThenBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.Role,
                u.IsArchived,
                u.LockoutEnd,
                Units = u.Units.Select(x => x.Unit!.Name).ToList(),
                Subject = u.Subject!.Name,
            });
        var page = await Paging.OfAsync(Request, users, PageNumber, Paging.PageSize, ct);
        (Total, Pager) = (page.Total, page.Pager);
        Rows = page.Rows.Select(u => new Row(u.Id, u.UserName ?? "", u.FullName, u.Role,
            u.Subject ?? string.Join(", ", u.Units), u.IsArchived, u.LockoutEnd > now)).ToList();
    }
}
