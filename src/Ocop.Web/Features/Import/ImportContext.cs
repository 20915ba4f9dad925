using Microsoft.EntityFrameworkCore;
using Ocop.Core.Import;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Import;

/// <summary>
/// What every row of one import reads: the importing user's scope, today, the communes they may name (by old or new
/// name, <see cref="CommuneNames"/>), the product groups by code and name, and the subjects they reach by registration
/// number, tax code and name + commune (kept current as rows add subjects).
/// </summary>
public sealed class ImportContext
{
    public static readonly IReadOnlyDictionary<string, LegalForm> LegalFormAliases = new Dictionary<string, LegalForm>(StringComparer.Ordinal)
    {
        ["htx"] = LegalForm.Cooperative,
        ["tht"] = LegalForm.CooperativeGroup,
        ["hkd"] = LegalForm.HouseholdBusiness,
        ["cong ty tnhh"] = LegalForm.Company,
        ["cong ty tnhh mtv"] = LegalForm.Company,
        ["cong ty cp"] = LegalForm.Company,
        ["cong ty co phan"] = LegalForm.Company,
        ["doanh nghiep"] = LegalForm.PrivateEnterprise,
        ["dntn"] = LegalForm.PrivateEnterprise,
    };

    private readonly Dictionary<string, List<SubjectKey>> subjectsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubjectKey> subjectsByNumber = new(StringComparer.Ordinal);

    private ImportContext(OcopDbContext db, UserScope scope, DateOnly today, UnitDirectory.Snapshot units, CommuneNames communes)
    {
        Db = db;
        Scope = scope;
        Today = today;
        Units = units;
        Communes = communes;
    }

    public OcopDbContext Db { get; }
    public UserScope Scope { get; }
    public DateOnly Today { get; }
    public UnitDirectory.Snapshot Units { get; }
    public CommuneNames Communes { get; }
    /// <summary>Product groups a product may be placed in (leaves of the taxonomy), by folded code and by folded name.</summary>
    public Dictionary<string, int> Categories { get; } = new(StringComparer.Ordinal);

    /// <summary>A subject the import knows: its id (0 while only staged), commune and version.</summary>
    public sealed record SubjectKey(int Id, string Name, int CommuneId, string? RegistrationNumber, string? TaxCode);

    public static async Task<ImportContext> LoadAsync(OcopDbContext db, UserScope scope, DateOnly today, UnitDirectory directory, CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        // The communes a row may name: those the user registers records in; an office that reaches every unit names those
        // of the deploying office's provinces (or, for a national office, any).
        IEnumerable<int> reach = scope.ReachesEveryUnit || scope.CoversEveryCommune
            ? units.HomeCommunes ?? units.Communes
            : scope.CommuneIds;
        var names = units.All.ToDictionary(u => u.Id, u => u.Name);
        var context = new ImportContext(db, scope, today, units, new CommuneNames(units.Tree, names, reach));
        foreach (var c in units.Categories.Where(c => c.ProductSet is not null))
        {
            context.Categories.TryAdd(VietnameseText.Fold(c.Code), c.Id);
            context.Categories.TryAdd(VietnameseText.Fold(c.Name), c.Id);
        }

        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived)
            .Select(s => new SubjectKey(s.Id, s.Name, s.CommuneId, s.RegistrationNumber, s.TaxCode)).ToListAsync(ct);
        foreach (var s in subjects)
        {
            context.Remember(s);
        }

        return context;
    }

    /// <summary>
    /// Before a row that must write at once (a new subject its product needs): the rows staged so far are saved and a
    /// savepoint is set, so that the row can be taken back alone (<see cref="UndoRowAsync"/>).
    /// </summary>
    public async Task BeginRowAsync(CancellationToken ct)
    {
        await Db.SaveChangesAsync(ct);
        Db.ChangeTracker.Clear();
        await Db.Database.CurrentTransaction!.CreateSavepointAsync(RowSavepoint, ct);
    }

    /// <summary>Takes back everything the row wrote since <see cref="BeginRowAsync"/>.</summary>
    public async Task UndoRowAsync(CancellationToken ct)
    {
        await Db.Database.CurrentTransaction!.RollbackToSavepointAsync(RowSavepoint, ct);
        Db.ChangeTracker.Clear();
    }

    private const string RowSavepoint = "import_row";

    /// <summary>A subject taken back with its row.</summary>
    public void Forget(SubjectKey subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subjectsByName.TryGetValue(VietnameseText.Fold(subject.Name), out var list))
        {
            list.RemoveAll(s => s.Id == subject.Id);
        }

        foreach (var number in new[] { subject.RegistrationNumber, subject.TaxCode })
        {
            if (!string.IsNullOrWhiteSpace(number) && subjectsByNumber.TryGetValue(number.Trim(), out var known) && known.Id == subject.Id)
            {
                subjectsByNumber.Remove(number.Trim());
            }
        }
    }

    public void Remember(SubjectKey subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var key = VietnameseText.Fold(subject.Name);
        if (!subjectsByName.TryGetValue(key, out var list))
        {
            list = [];
            subjectsByName[key] = list;
        }

        list.RemoveAll(s => s.Id == subject.Id);
        list.Add(subject);
        foreach (var number in new[] { subject.RegistrationNumber, subject.TaxCode })
        {
            if (!string.IsNullOrWhiteSpace(number))
            {
                subjectsByNumber[number.Trim()] = subject;
            }
        }
    }

    /// <summary>
    /// The subject a row means: by its registration number or tax code when given, else by its name in the commune (or in
    /// a commune that merged into it, or that it merged into). Null when none is recorded yet.
    /// </summary>
    public SubjectKey? FindSubject(string name, string? number, int? communeId)
    {
        if (!string.IsNullOrWhiteSpace(number) && subjectsByNumber.TryGetValue(number.Trim(), out var byNumber))
        {
            return byNumber;
        }

        if (!subjectsByName.TryGetValue(VietnameseText.Fold(name), out var named))
        {
            return null;
        }

        if (communeId is not int commune)
        {
            return named.Count == 1 ? named[0] : null;
        }

        return named.FirstOrDefault(s => s.CommuneId == commune) ?? named.FirstOrDefault(s => SamePlace(s.CommuneId, commune));
    }

    /// <summary>
    /// Two communes that are one place through the 2025 merger: either covers the other, or both merged into the same
    /// commune of today (an office's list names the producer's old commune on one row and its neighbour on the next).
    /// </summary>
    public bool SamePlace(int a, int b) => a == b || Units.CoveredBy(a).Contains(b) || Units.CoveredBy(b).Contains(a)
        || (Units.ById.TryGetValue(a, out var first) && Units.ById.TryGetValue(b, out var second) && Units.Latest(first).Id == Units.Latest(second).Id);
}
