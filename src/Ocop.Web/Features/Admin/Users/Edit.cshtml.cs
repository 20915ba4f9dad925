using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Users;

/// <summary>
/// Administrators create users, set their role and reach, reset passwords, unlock and retire accounts, and end sessions:
/// the page translates <see cref="SaveUser"/> and <see cref="EndUserSessions"/>.
/// </summary>
public sealed class EditModel(
    OcopDbContext db, UnitDirectory directory, TimeProvider clock, UserScopeLoader scopes, SaveUser save, EndUserSessions endSessions) : PageModel
{
    public List<Account.UserSession> OpenSessions { get; private set; } = [];

    /// <summary>Typed in the unit search (name with or without diacritics, former name, or code): its matches join the choices.</summary>
    [BindProperty] public string? UnitQuery { get; set; }
    public bool UnitSearched { get; private set; }
    [FromRoute] public string? Id { get; set; }
    [BindProperty] public SaveUser.Command Input { get; set; } = new();
    public List<SelectListItem> Roles { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> DecisionLevels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == Id, ct);
            if (user is null)
            {
                return NotFound();
            }

            Input = new SaveUser.Command
            {
                UserName = user.UserName ?? "",
                FullName = user.FullName,
                Organisation = user.Organisation,
                Role = user.Role,
                UnitIds = user.Units.Select(u => u.UnitId).ToList(),
                SubjectId = user.SubjectId,
                IsArchived = user.IsArchived,
                DecisionLevel = user.DecisionLevel,
                EditToken = SaveUser.EditToken(user),
            };
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Ends one session of the user (a lost phone, a shared computer); the next request from it signs out.</summary>
    public Task<IActionResult> OnPostEndSessionAsync(string sessionId, CancellationToken ct) =>
        EndSessionsAsync(sessionId, _ => "Đã kết thúc phiên đăng nhập.", ct);

    /// <summary>Ends every session of the user.</summary>
    public Task<IActionResult> OnPostEndAllSessionsAsync(CancellationToken ct) =>
        EndSessionsAsync(null, ended => $"Đã kết thúc {ended} phiên đăng nhập.", ct);

    /// <summary>"Tìm đơn vị": the form comes back with the matches offered beside the units already chosen; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindUnitsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        UnitSearched = true;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(await scopes.GetAsync(ct), Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = result.Value!.Created ? "Đã tạo người dùng." : "Đã lưu người dùng.";
                    return RedirectToPage("/Admin/Users/Index");
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }
        else if (Id is not null && !await db.Users.AnyAsync(u => u.Id == Id, ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<IActionResult> EndSessionsAsync(string? sessionId, Func<int, string> message, CancellationToken ct)
    {
        if (Id is null)
        {
            return NotFound();
        }

        var result = await endSessions.RunAsync(await scopes.GetAsync(ct), new EndUserSessions.Command { UserId = Id, SessionId = sessionId }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = message(result.Value!.Count);
                return RedirectToPage("/Admin/Users/Edit", new { id = result.Value.UserId });
            case WriteOutcome.Refused:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            OpenSessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == Id && s.EndedAt == null)
                .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
        }

        Roles = Lookups.Enum(Input.Role);
        // The commune only checks dossiers; it decides nothing.
        DecisionLevels = Lookups.Enum(Input.DecisionLevel).Where(i => i.Value != nameof(Ocop.Core.Evaluation.EvaluationLevel.CommuneCheck)).ToList();
        // Never a list of 14,000 units: the ones chosen, the provinces of today and the communes of the deploying office's
        // provinces, and what a search finds.
        var units = await directory.GetAsync(db, ct);
        var today = Ocop.Web.Shared.Display.Today(clock);
        var offered = Input.UnitIds.Where(units.ById.ContainsKey).Select(id => units.ById[id]).ToList();
        if (UnitSearched && !string.IsNullOrWhiteSpace(UnitQuery))
        {
            offered.AddRange(new Units.UnitSearch(UnitQuery, null, null, null, PageSize: 30).Run(units).Rows.Select(r => units.ById[r.Id]));
        }

        offered.AddRange(units.Provinces.Where(p => p.Validity.IsValidOn(today)));
        offered.AddRange(units.HomeUnits.SelectMany(h => units.Tree.Children(h)).Select(c => units.ById[c.Id]).Where(c => c.Validity.IsValidOn(today)));
        Units = offered.DistinctBy(u => u.Id)
            .Select(u => new SelectListItem(units.Describe(u), u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.UnitIds.Contains(u.Id)))
            .ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Input.SubjectId)).ToList();
    }
}
