using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// Nhập từ Excel: an office or a commune downloads a kind's template, uploads its list and gets a dry run in the
/// background (<see cref="ImportJobs"/>); the job's page shows progress, then what would be created, updated or refused.
/// </summary>
public sealed class IndexModel(UserScopeLoader scopes, ImportJobs jobs, ImportRun run, UnitDirectory directory, OcopDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ImportKind Kind { get; set; } = ImportKind.Products;

    public static bool MayImport(Role role) => RegistryAccess.CanCreateSubject(role) && role != Role.Producer;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        MayImport((await scopes.GetAsync(ct)).Role) ? Page() : Forbid();

    /// <summary>The template of a kind, with the lists of the user's communes.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(ImportKind kind, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayImport(scope.Role))
        {
            return Forbid();
        }

        if (!Enum.IsDefined(kind))
        {
            return NotFound();
        }

        var bytes = ImportTemplate.Build(run.For(kind), await directory.GetAsync(db, ct), scope, Display.Today(clock));
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-nhap-{kind.ToString().ToLowerInvariant()}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayImport(scope.Role))
        {
            return Forbid();
        }

        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Chọn loại danh sách.");
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Chọn tệp Excel (.xlsx).");
        }
        else if (file.Length > ImportSheet.MaxBytes)
        {
            ModelState.AddModelError("file", "Tệp quá lớn (tối đa 20 MB): chia thành nhiều tệp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        buffer.Position = 0;
        var (sheet, problem) = ImportSheet.Read(buffer);
        if (sheet is null)
        {
            ModelState.AddModelError("file", problem!);
            return Page();
        }

        var job = jobs.Start(scope, User.Identity?.Name ?? "", Kind, Path.GetFileName(file.FileName), sheet, bytes, commit: false);
        return RedirectToPage("Job", new { id = job.Id });
    }
}
