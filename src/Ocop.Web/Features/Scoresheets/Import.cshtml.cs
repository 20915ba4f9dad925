using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Core.Access;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// The form that hands a scoresheet workbook to <see cref="ImportScoresheet"/>: a bad file saves nothing and its errors
/// are listed by row here.
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class ImportModel(UserScopeLoader scopes, ImportScoresheet import) : PageModel
{
    public const int MaxBytes = ImportScoresheet.MaxBytes;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        WriteResult<ImportScoresheet.Imported> result;
        // Read only when its size is acceptable: the use case refuses a larger one without opening it.
        await using (var stream = file is { Length: > 0 and <= MaxBytes } ? file.OpenReadStream() : Stream.Null)
        {
            result = await import.RunAsync(await scopes.GetAsync(ct), new ImportScoresheet.Command { File = file is null ? null : stream, Length = file?.Length ?? 0 }, ct);
        }

        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                var imported = result.Value!;
                TempData["Message"] = $"Đã nhập phiếu chấm bộ {imported.ProductSetNumber} ({imported.LegalBasisCode}) thành bản nháp phiên bản {imported.SheetVersion}. Kiểm tra rồi ban hành.";
                return RedirectToPage("Details", new { id = imported.Id });
            case WriteOutcome.Refused:
                return Forbid();
            default:
                Errors = result.AllMessages().ToList();
                return Page();
        }
    }
}
