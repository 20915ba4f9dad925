using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;
using Ocop.Web.Features.Documents;

namespace Ocop.Web.Data;

/// <summary>
/// Demo issuing authorities and signatories: the People's Committees of Châu Thành district and Trà Vinh province until
/// 30/06/2025, and of the new Vĩnh Long province from 01/07/2025. The signatories' names are invented for the demo
/// (each carries a note saying so); a deputy is the default signer, so decisions read "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
/// </summary>
public static class DemoAuthorities
{
    private const string DemoNote = "Tên minh họa của dữ liệu demo, không phải người thật.";

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        var district = await UnitAsync(db, "847", UnitLevel.District, current: false, ct);
        var oldProvince = await UnitAsync(db, "84", UnitLevel.Province, current: false, ct);
        var newProvince = await UnitAsync(db, "86", UnitLevel.Province, current: true, ct);
        if (district is null || oldProvince is null || newProvince is null)
        {
            return;
        }

        int[] units = [district.Id, oldProvince.Id, newProvince.Id];
        if (await db.IssuingAuthorities.AnyAsync(a => a.UnitId != null && units.Contains(a.UnitId.Value), ct))
        {
            return;
        }

        var termStart = new DateOnly(2021, 7, 1);
        db.IssuingAuthorities.AddRange(
            Authority(district, ("Huỳnh Văn Lộc", "Chủ tịch", false, termStart), ("Kim Văn Sơn", "Phó Chủ tịch", true, termStart)),
            Authority(oldProvince, ("Đoàn Thị Thanh Mai", "Chủ tịch", false, termStart), ("Phạm Hữu Tài", "Phó Chủ tịch", true, termStart)),
            Authority(newProvince, ("Nguyễn Thành Công", "Chủ tịch", false, newProvince.ValidFrom), ("Lê Thị Ngọc Hân", "Phó Chủ tịch", true, newProvince.ValidFrom)));
        await db.SaveChangesAsync(ct);
    }

    private static IssuingAuthority Authority(UnitRow unit, params (string Name, string Title, bool Deputy, DateOnly From)[] signatories)
    {
        var authority = IssuerDirectory.Derived(unit);
        authority.Note = "Dữ liệu demo.";
        foreach (var (name, title, deputy, from) in signatories)
        {
            authority.Signatories.Add(new Signatory
            {
                FullName = name,
                Title = title,
                IsDeputy = deputy,
                IsDefault = deputy,
                ValidFrom = from,
                ValidTo = unit.ValidTo,
                Note = DemoNote,
            });
        }

        return authority;
    }

    private static Task<UnitRow?> UnitAsync(OcopDbContext db, string code, UnitLevel level, bool current, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Code == code && u.Level == level && (u.ValidTo == null) == current)
            .OrderByDescending(u => u.ValidFrom)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId))
            .FirstOrDefaultAsync(ct);
}
