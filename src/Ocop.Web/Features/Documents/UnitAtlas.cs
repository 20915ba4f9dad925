using Microsoft.EntityFrameworkCore;
using Ocop.Core.Documents;
using Ocop.Core.Units;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Documents;

/// <summary>One unit's names and links as stored.</summary>
public sealed record UnitRow(int Id, string Code, string Name, string Kind, UnitLevel Level, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, int? SuccessorId)
{
    public string FullName => UnitNames.Full(Name, Kind);
}

/// <summary>
/// Every unit with its links, read once for an issuing operation, to name units as they were on a document's date:
/// the commune of a product on 15/12/2026 is the successor of the one it was registered in, inside the province of then.
/// </summary>
public sealed class UnitAtlas
{
    private readonly Dictionary<int, UnitRow> rows;

    private UnitAtlas(List<UnitRow> units)
    {
        rows = units.ToDictionary(u => u.Id);
        Nodes = units.ToDictionary(u => u.Id, u => new IssuingUnit(u.Id, u.Level, new UnitValidity(u.ValidFrom, u.ValidTo), u.ParentId, u.SuccessorId));
    }

    public IReadOnlyDictionary<int, IssuingUnit> Nodes { get; }

    public UnitRow this[int id] => rows[id];

    public bool Contains(int id) => rows.ContainsKey(id);

    /// <summary>
    /// The given units and every unit their parent and successor links reach (a commune, its district and province, their
    /// successors and theirs): all that naming them on any date needs, in a few small queries instead of the whole country.
    /// </summary>
    public static async Task<UnitAtlas> LoadAsync(OcopDbContext db, IEnumerable<int?> unitIds, CancellationToken ct)
    {
        var loaded = new Dictionary<int, UnitRow>();
        var wanted = unitIds.OfType<int>().Distinct().ToList();
        while (wanted.Count > 0)
        {
            var rows = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id))
                .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId))
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                loaded[row.Id] = row;
            }

            wanted = rows.SelectMany(r => new[] { r.ParentId, r.SuccessorId }).OfType<int>().Where(id => !loaded.ContainsKey(id)).Distinct().ToList();
        }

        return new UnitAtlas(loaded.Values.ToList());
    }

    /// <summary>The full name of the unit that stands for <paramref name="unitId"/> on the date (a commune merged in 2025 is named by its successor after that).</summary>
    public string NameOn(int unitId, DateOnly date) => ChainOn(unitId, date) is { Count: > 0 } chain ? chain[0] : rows[unitId].FullName;

    /// <summary>The unit on the date and the units above it, innermost first, by full name.</summary>
    public IReadOnlyList<string> ChainOn(int unitId, DateOnly date) =>
        IssuingUnits.Chain(unitId, date, Nodes).Select(id => rows[id].FullName).ToList();

    /// <summary>The unit as registered and the units above it as stored, whatever the date.</summary>
    public IReadOnlyList<string> RegisteredChain(int unitId)
    {
        var names = new List<string>();
        var seen = new HashSet<int>();
        int? current = unitId;
        while (current is int id && rows.TryGetValue(id, out var row) && seen.Add(id))
        {
            names.Add(row.FullName);
            current = row.ParentId;
        }

        return names;
    }

    /// <summary>
    /// A typed address as it reads on the date: its locality (the typed part below the units) followed by the units of
    /// that date ("Ấp 3, xã C, tỉnh A" in 2026 for an address typed as "Ấp 3, xã D, huyện E, tỉnh F" before the 2025 merger).
    /// </summary>
    public string AddressOn(string typedAddress, int communeId, DateOnly date)
    {
        var chain = ChainOn(communeId, date);
        var locality = UnitNames.Locality(typedAddress, RegisteredChain(communeId).Concat(chain));
        return UnitNames.Address(locality, chain);
    }

    /// <summary>
    /// The unit whose authority decides at <paramref name="level"/> for a product of <paramref name="communeId"/> on the
    /// date: its province, its district (the province after districts were abolished), or null for the central level.
    /// </summary>
    public int? DecidingUnit(Ocop.Core.Evaluation.EvaluationLevel level, int communeId, DateOnly date)
    {
        switch (level)
        {
            case Ocop.Core.Evaluation.EvaluationLevel.Central:
                return null;
            case Ocop.Core.Evaluation.EvaluationLevel.District:
                var district = RegisteredAncestor(communeId, UnitLevel.District);
                return district is int d
                    ? IssuingUnits.On(d, date, Nodes)
                    : IssuingUnits.AtLevel(communeId, UnitLevel.Province, date, Nodes);
            case Ocop.Core.Evaluation.EvaluationLevel.CommuneCheck:
                return IssuingUnits.On(communeId, date, Nodes);
            default:
                return IssuingUnits.AtLevel(communeId, UnitLevel.Province, date, Nodes);
        }
    }

    private int? RegisteredAncestor(int unitId, UnitLevel level)
    {
        var seen = new HashSet<int>();
        int? current = unitId;
        while (current is int id && rows.TryGetValue(id, out var row) && seen.Add(id))
        {
            if (row.Level == level)
            {
                return id;
            }

            current = row.ParentId;
        }

        return null;
    }
}
