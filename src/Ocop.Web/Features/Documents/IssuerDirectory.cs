using Microsoft.EntityFrameworkCore;
using Ocop.Core.Documents;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Which authority issues, and who signs, on a date. The authority of a unit is the one recorded for the unit that
/// stands for it on that date (IssuingUnits: a ceased district hands over to the new province); a unit that never had
/// one recorded gets its People's Committee derived from its name (never a kind twice), valid over the unit's own life.
/// </summary>
public sealed class IssuerDirectory(OcopDbContext db)
{
    /// <summary>What the default committee of a unit prints: "TM. ỦY BAN NHÂN DÂN", signed by its chair.</summary>
    public const string CommitteeOnBehalfOf = "TM. ỦY BAN NHÂN DÂN";
    public const string CommitteeHeadTitle = "Chủ tịch";

    /// <summary>
    /// The authority for <paramref name="unitId"/> on <paramref name="date"/>, or the national one when null. Null when
    /// the unit did not exist yet, or when administrators recorded authorities for its stand-in but none covers the date.
    /// </summary>
    public async Task<IssuingAuthority?> AuthorityAsync(UnitAtlas atlas, int? unitId, DateOnly date, CancellationToken ct)
    {
        int? issuing = null;
        if (unitId is int id)
        {
            issuing = IssuingUnits.On(id, date, atlas.Nodes);
            if (issuing is null)
            {
                return null;
            }
        }

        var recorded = await db.IssuingAuthorities.Include(a => a.Signatories).Where(a => a.UnitId == issuing).ToListAsync(ct);
        var found = recorded.Where(a => a.IsValidOn(date)).OrderByDescending(a => a.ValidFrom).FirstOrDefault();
        if (found is not null || recorded.Count > 0 || issuing is not int unit)
        {
            return found;
        }

        var derived = Derived(atlas[unit]);
        db.IssuingAuthorities.Add(derived);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request derived it at the same moment (unique unit and start date): use theirs.
            db.Entry(derived).State = EntityState.Detached;
            return await db.IssuingAuthorities.Include(a => a.Signatories)
                .Where(a => a.UnitId == unit).OrderByDescending(a => a.ValidFrom).FirstOrDefaultAsync(a => a.ValidFrom <= date, ct);
        }

        return derived.IsValidOn(date) ? derived : null;
    }

    /// <summary>The People's Committee of a unit, from the unit's name: "UBND TỈNH A", place "A".</summary>
    public static IssuingAuthority Derived(UnitRow unit) => new()
    {
        UnitId = unit.Id,
        Name = UnitNames.Committee(unit.Name, unit.Kind),
        ShortName = UnitNames.CommitteeShort(unit.Name, unit.Kind),
        Letterhead = UnitNames.Letterhead(unit.Name, unit.Kind),
        Place = UnitNames.Place(unit.FullName),
        OnBehalfOf = CommitteeOnBehalfOf,
        HeadTitle = CommitteeHeadTitle,
        ValidFrom = unit.ValidFrom,
        ValidTo = unit.ValidTo,
        Note = "Lập tự động từ tên đơn vị hành chính; người ký chưa được khai báo.",
    };

    /// <summary>The signatory proposed for a document of the authority on the date: the default one, else the head, else any.</summary>
    public static Signatory? DefaultSignatory(IssuingAuthority authority, DateOnly date) =>
        authority.Signatories.Where(s => s.IsValidOn(date))
            .OrderByDescending(s => s.IsDefault).ThenBy(s => s.IsDeputy).ThenBy(s => s.Id).FirstOrDefault();

    /// <summary>
    /// The issuer of a document the authority sends on the date (a notice): its default signatory, or the head's title
    /// with the name left for the signer to write when none is recorded.
    /// </summary>
    public static IssuerAsIssued ForDocumentOn(IssuingAuthority authority, DateOnly date) =>
        DefaultSignatory(authority, date) is { } s
            ? IssuerAsIssued.From(authority, s.FullName, s.Title, s.IsDeputy)
            : IssuerAsIssued.From(authority, "", authority.HeadTitle, deputy: false);

    /// <summary>
    /// The issuer of a report drafted on <paramref name="date"/> for a unit (null: national): the authority of the unit's
    /// stand-in on that date, or, when none is recorded, the committee named from <paramref name="unitName"/>.
    /// </summary>
    public static async Task<IssuerAsIssued> ReportIssuerAsync(OcopDbContext db, int? unitId, string unitName, DateOnly date, CancellationToken ct)
    {
        var atlas = await UnitAtlas.LoadAsync(db, [unitId], ct);
        var authority = await new IssuerDirectory(db).AuthorityAsync(atlas, unitId, date, ct);
        return authority is not null
            ? ForDocumentOn(authority, date)
            : IssuerAsIssued.From(new IssuingAuthority
            {
                Name = unitName,
                ShortName = unitName,
                Letterhead = unitName.ToUpper(Display.Vi),
                Place = UnitNames.Place(unitName),
                HeadTitle = CommitteeHeadTitle,
            }, "", CommitteeHeadTitle, deputy: false);
    }

    /// <summary>The message for a document dated when its issuer's unit had not come into being or has no authority then.</summary>
    public static string NoAuthorityMessage(UnitAtlas atlas, int? unitId, DateOnly date) => unitId is int id
        ? $"Không có cơ quan ban hành của {atlas[id].FullName} vào ngày {Display.Date(date)}: khai báo ở trang Cơ quan ban hành và người ký."
        : $"Không có cơ quan ban hành cấp trung ương vào ngày {Display.Date(date)}: khai báo ở trang Cơ quan ban hành và người ký.";
}
