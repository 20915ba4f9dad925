using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Reads a scoresheet from an XLSX workbook (the shape <see cref="ScoresheetXlsx"/> exports) into a new draft version of
/// its legal basis and product set; a bad file saves nothing and its errors are listed by row.
/// </summary>
public sealed class ImportScoresheet(OcopDbContext db)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed class Command
    {
        /// <summary>The workbook; the caller disposes of it.</summary>
        public Stream? File { get; set; }
        /// <summary>Its length in bytes, checked before it is read.</summary>
        public long Length { get; set; }
    }

    public sealed record Imported(int Id, string LegalBasisCode, int ProductSetNumber, int SheetVersion);

    /// <remarks>A refused file is invalid with its errors, in order, under the command as a whole ("").</remarks>
    public async Task<WriteResult<Imported>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!ScoresheetVersions.CanManage(scope.Role))
        {
            return WriteResult.Refused<Imported>(ScoresheetVersions.RefusedMessage);
        }

        if (command.File is null || command.Length == 0)
        {
            return Refuse("Chọn tệp XLSX cần nhập.");
        }

        if (command.Length > MaxBytes)
        {
            return Refuse("Tệp lớn hơn 5 MB.");
        }

        var bases = (await db.LegalBases.AsNoTracking().ToListAsync(ct)).Select(b => b.ToModel()).ToList();
        var result = ScoresheetXlsx.Read(command.File, code => bases.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal)));
        if (result.Sheet is null || result.Errors.Count > 0)
        {
            return Refuse(result.Errors.Count > 0 ? [.. result.Errors] : ["Không đọc được phiếu chấm trong tệp."]);
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

            return WriteResult.Stale<Imported>("Vừa có người khác tạo phiên bản mới của bộ này cùng lúc. Nhập lại tệp.");
        }

        return WriteResult.Done(new Imported(record.Id, sheet.LegalBasisCode, sheet.ProductSetNumber, next));
    }

    private static WriteResult<Imported> Refuse(params string[] messages)
    {
        var errors = new FieldErrorList();
        foreach (var message in messages)
        {
            errors.Add("", message);
        }

        return WriteResult.Invalid<Imported>(errors);
    }
}
