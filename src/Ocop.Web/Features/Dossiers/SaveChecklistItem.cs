using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Adds or changes an item of the dossier checklist, moves it among the items of its prefix, archives or restores it:
/// the write path of the checklist page, for the reference-data editors (administrators and the program office).
/// </summary>
public sealed class SaveChecklistItem(OcopDbContext db)
{
    public const string StaleMessage = "Giấy tờ này vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";
    private const string RefusedMessage = "Bạn không được sửa danh mục giấy tờ.";

    public sealed class Command
    {
        /// <summary>The item changed; null adds one.</summary>
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên giấy tờ."), StringLength(400, ErrorMessage = "Tối đa 400 ký tự.")] public string Title { get; set; } = "";
        [StringLength(12, ErrorMessage = "Tối đa 12 ký tự.")] public string? CategoryPrefix { get; set; }
        public bool Required { get; set; }
        public DossierVariant? OnlyFor { get; set; }
        [Range(0, 10000, ErrorMessage = "Thứ tự từ 0 đến 10.000.")] public int SortOrder { get; set; }
        [Required(ErrorMessage = "Chọn căn cứ pháp lý."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string LegalBasisCode { get; set; } = "";
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, bool Created);

    public sealed record Archived(int Id, string Title, bool Restored);

    /// <param name="save">False checks the command without writing it (a form whose other fields could not even be read).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Saved>(RefusedMessage);
        }

        DossierChecklistItem? item = null;
        if (command.Id is int id)
        {
            item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy giấy tờ trong danh mục.");
            }
        }

        var errors = FieldErrorList.Annotations(command);
        var prefix = (command.CategoryPrefix ?? "").Trim();
        if (prefix.Length > 0 && !await db.ProductCategories.AnyAsync(c => c.Code == prefix, ct))
        {
            errors.Add(nameof(Command.CategoryPrefix), "Không có nhóm sản phẩm mã này (ví dụ: I, I.3, VI.1). Để trống nếu áp dụng cho mọi sản phẩm.");
        }

        if (command.OnlyFor is { } variant && !Enum.IsDefined(variant))
        {
            errors.Add(nameof(Command.OnlyFor), "Loại hồ sơ không hợp lệ.");
        }

        var basis = (command.LegalBasisCode ?? "").Trim();
        if (basis.Length > 0 && !await db.LegalBases.AnyAsync(b => b.Code == basis, ct))
        {
            errors.Add(nameof(Command.LegalBasisCode), "Căn cứ pháp lý không có trong danh mục.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (item is not null && item.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        if (!save)
        {
            return WriteResult.Done(new Saved(item?.Id ?? 0, item is null));
        }

        var isNew = item is null;
        item ??= db.DossierChecklist.Add(new DossierChecklistItem { Title = "", LegalBasisCode = "" }).Entity;
        item.Title = command.Title.Trim();
        item.CategoryPrefix = prefix;
        item.Required = command.Required;
        item.OnlyFor = command.OnlyFor;
        item.SortOrder = command.SortOrder;
        item.LegalBasisCode = basis;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(item.Id, isNew));
    }

    /// <summary>Moves an item one place up or down among the current items of its prefix (<see cref="DossierChanges.Move"/>).</summary>
    public async Task<WriteResult<int>> MoveAsync(UserScope scope, int id, bool up, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<int>(RefusedMessage);
        }

        var item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy giấy tờ trong danh mục.");
        }

        var siblings = await db.DossierChecklist.Where(i => i.CategoryPrefix == item.CategoryPrefix && !i.IsArchived).ToListAsync(ct);
        var moves = DossierChanges.Move(siblings.Select(i => new DossierChanges.Placed(i.Id, i.SortOrder)), id, up);
        if (moves.Count > 0)
        {
            foreach (var move in moves)
            {
                siblings.Single(i => i.Id == move.Id).SortOrder = move.SortOrder;
            }

            await db.SaveChangesAsync(ct);
        }

        return WriteResult.Done(id);
    }

    /// <summary>Stops using an item (old dossiers keep their files under it), or uses it again.</summary>
    public async Task<WriteResult<Archived>> ArchiveAsync(UserScope scope, int id, bool restore, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Archived>(RefusedMessage);
        }

        var item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return WriteResult.NotFound<Archived>("Không tìm thấy giấy tờ trong danh mục.");
        }

        item.IsArchived = !restore;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Archived(item.Id, item.Title, restore));
    }
}
