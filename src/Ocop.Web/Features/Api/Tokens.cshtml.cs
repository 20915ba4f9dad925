using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Api;

/// <summary>
/// The signed-in user's personal access tokens for the API: made here (shown once), listed with their expiry and
/// state, revoked here. A token acts with the user's own rights; creating and revoking are audited (<see cref="ApiTokens"/>).
/// </summary>
public sealed class TokensModel(OcopDbContext db, ApiTokens tokens, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);

    public List<Row> Rows { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Days { get; set; } = 90;
    /// <summary>The token just made: shown on this answer only, never stored.</summary>
    public string? NewToken { get; private set; }
    public DateTime Now { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Shown once, on the page the creation redirects to (post-redirect-get: a reload does not make another token).
        NewToken = TempData[NewTokenKey] as string;
        await LoadAsync(ct);
    }

    private const string NewTokenKey = "NewApiToken";

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await tokens.CreateAsync(UserId, Name, Days, ct);
            if (result.IsDone)
            {
                TempData[NewTokenKey] = result.Value!.Token;
                return RedirectToPage();
            }
            else
            {
                result.AddTo(ModelState, "");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(UserId, id, ct);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = "Đã thu hồi mã truy cập: từ giờ mọi yêu cầu dùng mã này bị từ chối.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == UserId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToListAsync(ct);
    }
}
