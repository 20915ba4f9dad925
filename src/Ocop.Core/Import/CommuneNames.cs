using Ocop.Core.Text;
using Ocop.Core.Units;

namespace Ocop.Core.Import;

/// <summary>The commune a list's row names, or why none can be chosen (in Vietnamese).</summary>
public sealed record CommuneMatch(int? UnitId, string? Problem);

/// <summary>
/// Finds the commune an office's list names by its name — old or new, with or without its kind ("xã Đa Lộc", "Đa Lộc",
/// "Hoà Tân" for "Hòa Tân") — or by its statistics code, among the communes the importing user reaches. A name the
/// 2025 reform retired names the former commune when the record's date lies in its life, and its successor of that date
/// otherwise (a record dated after the merger belongs to the merged commune). Where one name fits several communes, the
/// district or province the row gives (old names too) picks one; else the row is refused, never guessed.
/// </summary>
public sealed class CommuneNames
{
    private static readonly string[] KindWords = ["thi tran", "thi xa", "thanh pho", "dac khu", "xa", "phuong", "huyen", "quan", "tinh", "tp.", "tp", "tt", "tx"];

    private readonly UnitTree tree;
    private readonly IReadOnlyDictionary<int, string> names;
    private readonly ILookup<string, UnitNode> byName;

    /// <param name="names">The name of every unit (ancestors too), as recorded ("Xã Đa Lộc").</param>
    /// <param name="communesInReach">The communes a row may name: those the importing user may register records in, former ones too.</param>
    public CommuneNames(UnitTree tree, IReadOnlyDictionary<int, string> names, IEnumerable<int> communesInReach)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(communesInReach);
        this.tree = tree;
        this.names = names;
        byName = communesInReach.Where(id => tree.ById.TryGetValue(id, out var u) && u.Level == UnitLevel.Commune && names.ContainsKey(id))
            .Select(id => tree.ById[id])
            .ToLookup(u => Key(names[u.Id]), StringComparer.Ordinal);
    }

    /// <summary>A unit name folded without its kind: "Xã Hoà Tân" → "hoa tan", "Thành phố Trà Vinh" → "tra vinh", "Phường 4" → "4".</summary>
    public static string Key(string? name) => Split(name).Name;

    /// <summary>The kind a name starts with ("thi tran"), or "" when it names none.</summary>
    public static string KindOf(string? name) => Split(name).Kind;

    private static (string Kind, string Name) Split(string? name)
    {
        var folded = VietnameseText.Fold(name);
        foreach (var kind in KindWords)
        {
            if (folded.StartsWith(kind + " ", StringComparison.Ordinal))
            {
                return (kind, folded[(kind.Length + 1)..].Trim());
            }
        }

        return ("", folded);
    }

    /// <param name="text">The commune as the row writes it: a name or a statistics code.</param>
    /// <param name="within">The district or province the row gives, if any (either, old or new).</param>
    /// <param name="on">The record's date: it decides between a former commune and its successor.</param>
    public CommuneMatch Find(string? text, string? within, DateOnly on)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return new(null, "Thiếu xã.");
        }

        List<UnitNode> candidates = typed.All(char.IsAsciiDigit)
            ? tree.WithCode(typed).Where(u => u.Level == UnitLevel.Commune && byName.Contains(Key(names[u.Id]))).ToList()
            // "Huyền Hội" is a name, not the district (huyện) "Hội": the whole name is looked up too.
            : byName[Key(typed)].Concat(byName[VietnameseText.Fold(typed)]).Distinct().ToList();
        // "Thị trấn Châu Thành" is not the commune "Xã Châu Thành": a kind the row writes narrows the names.
        var kind = KindOf(typed);
        if (kind.Length > 0 && candidates.Any(c => KindOf(names[c.Id]) == kind))
        {
            candidates = candidates.Where(c => KindOf(names[c.Id]) == kind).ToList();
        }

        var place = Key(within);
        if (place.Length > 0 && candidates.Count > 0)
        {
            // A commune of today lies in a former district or province through the communes merged into it. The district or
            // province a row names must hold the commune: a commune of the same name elsewhere is never guessed. Its kind
            // tells "Thành phố Trà Vinh" from "Tỉnh Trà Vinh" when it is written.
            var placeKind = KindOf(within);
            var inPlace = candidates.Where(c => Ancestors(c).Concat(tree.Predecessors(c.Id).SelectMany(Ancestors))
                .Any(a => IsPlace(a, place, placeKind))).ToList();
            if (inPlace.Count == 0 && placeKind.Length > 0)
            {
                inPlace = candidates.Where(c => Ancestors(c).Concat(tree.Predecessors(c.Id).SelectMany(Ancestors))
                    .Any(a => IsPlace(a, place, ""))).ToList();
            }

            if (inPlace.Count == 0)
            {
                return new(null, $"Không tìm thấy xã \"{typed}\" thuộc {within!.Trim()} trong các đơn vị bạn phụ trách.");
            }

            candidates = inPlace;
        }

        if (candidates.Count == 0)
        {
            return new(null, $"Không tìm thấy xã \"{typed}\" trong các đơn vị bạn phụ trách (tên cũ hoặc mới, hoặc mã xã).");
        }

        // The unit that holds a record of that date: the named one in its life, else its successor of the date.
        var holders = candidates
            .Select(c => c.Validity.ValidTo is DateOnly to && to < on ? tree.CurrentOn(c, on) : c)
            .DistinctBy(u => u.Id)
            .ToList();
        if (holders.Count > 1)
        {
            var validThen = holders.Where(u => u.Validity.IsValidOn(on)).ToList();
            holders = validThen.Count > 0 ? validThen : holders;
        }

        if (holders.Count > 1)
        {
            var where = string.Join("; ", holders.Select(h => string.Join(", ", Ancestors(h).Select(a => names.GetValueOrDefault(a.Id)).OfType<string>())));
            return new(null, $"Có {holders.Count} xã tên \"{typed}\" ({where}): ghi thêm huyện hoặc tỉnh, hoặc ghi mã xã.");
        }

        return new(holders[0].Id, null);
    }

    private bool IsPlace(UnitNode unit, string place, string kind)
    {
        var name = names.GetValueOrDefault(unit.Id);
        return Key(name) == place && (kind.Length == 0 || KindOf(name) == kind);
    }

    private IEnumerable<UnitNode> Ancestors(UnitNode unit)
    {
        for (var u = unit.ParentId is int p ? tree.ById.GetValueOrDefault(p) : null; u is not null; u = u.ParentId is int q ? tree.ById.GetValueOrDefault(q) : null)
        {
            yield return u;
        }
    }
}
