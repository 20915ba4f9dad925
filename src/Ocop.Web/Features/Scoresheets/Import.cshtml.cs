using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Reads a scoresheet from an XLSX workbook (the shape <see cref="ScoresheetXlsx"/> exports) into a new draft version
/// of its legal basis and product set; a bad file saves nothing and lists its errors by row.
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class ImportModel(OcopDbContext db) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = ["Chọn tệp XLSX cần nhập."];
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            Errors = ["Tệp lớn hơn 5 MB."];
            return Page();
        }

        var bases = (await db.LegalBases.AsNoTracking().ToListAsync(ct)).Select(b => b.ToModel()).ToList();
        ScoresheetXlsx.ImportResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = ScoresheetXlsx.Read(stream, code => bases.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal)));
        }

        if (result.Sheet is null || result.Errors.Count > 0)
        {
            Errors = result.Errors.Count > 0 ? result.Errors : ["Không đọc được phiếu chấm trong tệp."];
            return Page();
        }

        var next = await ScoresheetVersions.NextAsync(db, result.Sheet.LegalBasisCode, result.Sheet.ProductSetNumber, ct);
        var sheet = result.Sheet with { Version = next, Status = ScoresheetStatus.Draft, Verified = false };
        var record = EvaluationReferenceData.FromModel(sheet);
        db.Scoresheets.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Scoresheets.AnyAsync(s => s.LegalBasisCode == sheet.LegalBasisCode && s.ProductSetNumber == sheet.ProductSetNumber && s.SheetVersion == next, ct))
            {
                throw;
            }

            Errors = ["Vừa có người khác tạo phiên bản mới của bộ này cùng lúc. Nhập lại tệp."];
            return Page();
        }

        TempData["Message"] = $"Đã nhập phiếu chấm bộ {sheet.ProductSetNumber} ({sheet.LegalBasisCode}) thành bản nháp phiên bản {next}. Kiểm tra rồi ban hành.";
        return Redirect($"/Scoresheets/Details/{record.Id}");
    }
}
