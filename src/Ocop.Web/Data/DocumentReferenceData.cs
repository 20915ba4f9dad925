using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>
/// The national issuing authority as reference data: the ministry that recognises 5★ products. Its name changed when
/// the Ministry of Agriculture and Rural Development and the Ministry of Natural Resources and Environment merged on
/// 1 March 2025. Loaded once; administrators correct or extend it on the authorities page. Authorities of provinces
/// and districts are not loaded here: they are derived from the units when first needed (IssuerDirectory).
/// </summary>
public static class DocumentReferenceData
{
    public static readonly DateOnly MinistryMerger = new(2025, 3, 1);

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        if (await db.IssuingAuthorities.AnyAsync(a => a.UnitId == null, ct))
        {
            return;
        }

        db.IssuingAuthorities.AddRange(
            Ministry("Bộ Nông nghiệp và Phát triển nông thôn", "BỘ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", ReferenceData.KnownSince, MinistryMerger.AddDays(-1),
                "Đến 28/02/2025 (hợp nhất theo Nghị quyết 176/2025/QH15)."),
            Ministry("Bộ Nông nghiệp và Môi trường", "BỘ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG", MinistryMerger, null,
                "Từ 01/03/2025, hợp nhất Bộ Nông nghiệp và Phát triển nông thôn với Bộ Tài nguyên và Môi trường (Nghị quyết 176/2025/QH15)."));
        await db.SaveChangesAsync(ct);
    }

    private static IssuingAuthority Ministry(string name, string letterhead, DateOnly from, DateOnly? to, string note) => new()
    {
        Name = name,
        ShortName = name,
        Letterhead = letterhead,
        Place = "Hà Nội",
        HeadTitle = "Bộ trưởng",
        ValidFrom = from,
        ValidTo = to,
        Note = note,
    };
}
