using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// Adds a photo to a product (its type read from its content by <see cref="PhotoStore"/>), or takes one off the product
/// page: a removed photo is archived, never deleted. The product page and the API call these handlers.
/// </summary>
public sealed class AddProductPhoto(OcopDbContext db, PhotoStore photos, TimeProvider clock)
{
    public sealed record Command(int ProductId, IFormFile? Photo, string? Caption);

    /// <summary>Done with the new photo's id.</summary>
    public async Task<WriteResult<int>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var product = await scope.Visible(db.Products).Include(p => p.Photos).SingleOrDefaultAsync(p => p.Id == command.ProductId, ct);
        if (product is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy sản phẩm.");
        }

        if (!scope.CanEdit(product.CommuneId, product.SubjectId) || product.Status == ProductStatus.Archived)
        {
            return WriteResult.Refused<int>("Bạn không được thêm ảnh cho sản phẩm này.");
        }

        var errors = new FieldErrorList();
        if (command.Photo is null)
        {
            errors.Add("photo", "Chọn một tệp ảnh.");
            return WriteResult.Invalid<int>(errors);
        }

        var caption = string.IsNullOrWhiteSpace(command.Caption) ? null : command.Caption.Trim();
        if (caption is not null && (caption.Length > 300 || caption.Any(FieldErrorList.RefusedCharacter)))
        {
            errors.Add("caption", "Chú thích tối đa 300 ký tự, không có ký tự điều khiển.");
            return WriteResult.Invalid<int>(errors);
        }

        var (saved, error) = await photos.SaveAsync(command.Photo, ct);
        if (saved is null)
        {
            errors.Add("photo", error!);
            return WriteResult.Invalid<int>(errors);
        }

        var photo = new ProductPhoto
        {
            StoredName = saved.StoredName,
            ContentType = saved.ContentType,
            SizeBytes = saved.SizeBytes,
            OriginalName = saved.OriginalName,
            Caption = caption,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        product.Photos.Add(photo);
        await db.SaveChangesAsync(ct);
        return WriteResult.Done<int>(photo.Id);
    }

    /// <summary>Takes a photo off its product; it stays stored and in the history.</summary>
    public async Task<WriteResult<int>> RemoveAsync(UserScope scope, int productId, int photoId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var product = await scope.Visible(db.Products).Include(p => p.Photos).SingleOrDefaultAsync(p => p.Id == productId, ct);
        var photo = product?.Photos.SingleOrDefault(f => f.Id == photoId);
        if (product is null || photo is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy ảnh.");
        }

        if (!scope.CanEdit(product.CommuneId, product.SubjectId))
        {
            return WriteResult.Refused<int>("Bạn không được gỡ ảnh của sản phẩm này.");
        }

        photo.IsArchived = true;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done<int>(photo.Id);
    }
}
