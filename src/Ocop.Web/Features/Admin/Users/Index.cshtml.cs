using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Admin.Users;

public sealed class IndexModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(string Id, string UserName, string FullName, Role Role, string Reach, bool IsArchived, bool LockedOut);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.IsArchived).ThenBy(u => u.UserName)
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
            })
            .ToListAsync(ct);
        Rows = users.Select(u => new Row(u.Id, u.UserName ?? "", u.FullName, u.Role,
            u.Subject ?? string.Join(", ", u.Units), u.IsArchived, u.LockoutEnd > now)).ToList();
    }
}
