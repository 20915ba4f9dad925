using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>Archives a product (out of the working lists, kept with its history) or restores it as registered.</summary>
public sealed class ArchiveProduct(OcopDbContext db)
{
    public const string StaleMessage = "Sản phẩm vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";

    public sealed record Command(int Id, int Version, bool Restore);

    public async Task<WriteResult<int>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var product = await scope.Visible(db.Products).SingleOrDefaultAsync(p => p.Id == command.Id, ct);
        if (product is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy sản phẩm.");
        }

        if (!scope.CanEdit(product.CommuneId, product.SubjectId))
        {
            return WriteResult.Refused<int>("Bạn không được lưu trữ sản phẩm này.");
        }

        if (product.Version != command.Version)
        {
            return WriteResult.Stale<int>(StaleMessage);
        }

        product.Status = command.Restore ? ProductStatus.Registered : ProductStatus.Archived;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<int>(StaleMessage);
        }

        return WriteResult.Done<int>(product.Version);
    }
}
