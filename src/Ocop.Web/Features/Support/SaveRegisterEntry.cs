using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>An input that carries the version of the record it was read from.</summary>
public interface IVersionedInput
{
    int Version { get; }
    bool IsArchived { get; }
}

/// <summary>
/// What one register of section III knows of its records: who may write it, how a record is found with what its access
/// depends on, the rules of its fields, and how the input lands on the record. Stateless; <see cref="SaveRegisterEntry{TEntity, TInput}"/>
/// runs it the same way for the page, the API and the importer.
/// </summary>
public abstract class RegisterRules<TEntity, TInput>
    where TEntity : class, IVersioned where TInput : class, IVersionedInput, new()
{
    /// <summary>The owner type of the record's files (<see cref="SectionFile.OwnerType"/>); null for a register without files.</summary>
    public virtual string? FileOwnerType => null;

    /// <summary>The user may add to this register at all (and so open its form).</summary>
    public abstract bool MayWrite(SectionScope scope);

    /// <summary>The record with what its access depends on (its product, its subject); tracked for a save.</summary>
    public abstract Task<TEntity?> FindAsync(OcopDbContext db, int id, CancellationToken ct);

    public abstract RecordAccess AccessTo(SectionScope scope, TEntity entity);

    /// <summary>The input as the record holds it: what a form shows and an API client sends back, changed.</summary>
    public abstract TInput ToInput(TEntity entity);

    /// <summary>The input a new record's form starts from.</summary>
    public virtual TInput NewInput(SectionScope scope) => new();

    /// <summary>The checks beyond the input's annotations; each refusal goes to its field (the input's property name).</summary>
    public abstract Task ValidateAsync(RegisterCheck check, TInput input, TEntity? existing, CancellationToken ct);

    /// <summary>A new record, added to the context.</summary>
    public abstract TEntity Add(OcopDbContext db);

    /// <summary>The checked input onto the record; an archived record is one archived on a change, never on its creation.</summary>
    public abstract void Apply(SectionScope scope, TEntity entity, TInput input, bool isNew);
}

/// <summary>What the rules of a register check a command with: the database, the user, and the errors found so far.</summary>
public sealed class RegisterCheck(OcopDbContext db, SectionScope scope, FieldErrorList errors)
{
    public OcopDbContext Db => db;
    public SectionScope Scope => scope;
    public FieldErrorList Errors => errors;

    public void Add(string field, string message) => errors.Add(field, message);

    public Task<(int Id, int CommuneId)?> SubjectAsync(int subjectId, CancellationToken ct) => SectionLookups.SubjectAsync(db, scope, subjectId, ct);

    public Task<(int Id, int SubjectId, int CommuneId)?> ProductAsync(int productId, CancellationToken ct) => SectionLookups.ProductAsync(db, scope, productId, ct);

    public Task<string?> OfficeProblemAsync(int officeId, CancellationToken ct) => SectionLookups.OfficeProblemAsync(db, scope, officeId, ct);
}

/// <summary>
/// Records or corrects one entry of a register of section III (a listing, an IP title, a training event, a fair, an
/// allocation, a policy…): a record the user may not see is not found, one they may see but not change is refused; the
/// input is checked (annotations, then the register's rules, each on its field) before the version, so a stale form is
/// told apart from a wrong one; files are checked by content and stored first, a refused file writes nothing and a failed
/// save removes what was stored; the record and its files' rows are written in one transaction. Archived, never deleted;
/// the audit trail is written by the save interceptors. The one write path of the registers' forms, the API and the importer.
/// </summary>
public sealed class SaveRegisterEntry<TEntity, TInput>(OcopDbContext db, UnitDirectory directory, Dossiers.DocumentStore store, TimeProvider clock,
    RegisterRules<TEntity, TInput> rules)
    where TEntity : class, IVersioned where TInput : class, IVersionedInput, new()
{
    /// <summary>The field evidence files' problems are reported under (the form's file input, beside the input's fields).</summary>
    public const string FilesField = "Files";

    public const string NotFoundMessage = "Không tìm thấy hồ sơ.";
    public const string RefusedMessage = "Bạn không được ghi vào sổ này.";
    public const string ReadOnlyMessage = "Bạn chỉ được xem hồ sơ này.";
    public const string NoFilesMessage = "Hồ sơ này không đính kèm tệp.";

    private SectionScope? section;

    /// <param name="Id">The record changed; null for a new one (from the route, never from a body).</param>
    /// <param name="Input">The register's fields.</param>
    /// <param name="Files">Files to attach, for a register that keeps files.</param>
    public sealed record Command(int? Id, TInput Input, IReadOnlyList<IFormFile>? Files = null);

    public sealed record Saved(int Id, int Version, bool Created);

    public RegisterRules<TEntity, TInput> Rules => rules;

    /// <summary>The input a form shows: a new record's, or the record's as it stands when the user may change it.</summary>
    public async Task<WriteResult<TInput>> FormAsync(UserScope user, int? id, CancellationToken ct = default)
    {
        var scope = await SectionAsync(user, ct);
        if (!rules.MayWrite(scope))
        {
            return WriteResult.Refused<TInput>(RefusedMessage);
        }

        if (id is not int recordId)
        {
            return WriteResult.Done(rules.NewInput(scope));
        }

        var (entity, refused) = await FindAsync<TInput>(scope, recordId, ct);
        return refused ?? WriteResult.Done(rules.ToInput(entity!));
    }

    /// <summary>Checks and writes the command for the user of <paramref name="user"/>.</summary>
    public async Task<WriteResult<Saved>> RunAsync(UserScope user, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Input);
        var scope = await SectionAsync(user, ct);
        if (!rules.MayWrite(scope))
        {
            return WriteResult.Refused<Saved>(RefusedMessage);
        }

        TEntity? entity = null;
        if (command.Id is int id)
        {
            (entity, var refused) = await FindAsync<Saved>(scope, id, ct);
            if (refused is not null)
            {
                return refused;
            }
        }

        var files = (command.Files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var errors = FieldErrorList.Annotations(command.Input);
        await rules.ValidateAsync(new RegisterCheck(db, scope, errors), command.Input, entity, ct);
        if (rules.FileOwnerType is null && files.Count > 0)
        {
            errors.Add(FilesField, NoFilesMessage);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (entity is not null && entity.Version != command.Input.Version)
        {
            return WriteResult.Stale<Saved>(SectionForms.Stale);
        }

        var stored = await store.SaveAllAsync(files, errors, FilesField, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = entity is null;
        try
        {
            // The record and its files' rows in one transaction: a failed save leaves neither, and removes the stored files.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            entity ??= rules.Add(db);
            rules.Apply(scope, entity, command.Input, isNew);
            await db.SaveChangesAsync(ct);
            var recordId = (int)db.Entry(entity).Property(nameof(SectionFile.Id)).CurrentValue!;
            if (stored.Count > 0)
            {
                db.SectionFiles.AddRange(stored.Select(s => new SectionFile
                {
                    OwnerType = rules.FileOwnerType!,
                    OwnerId = recordId,
                    StoredName = s.Saved.StoredName,
                    OriginalName = Dossiers.DocumentStore.OriginalName(s.File.FileName),
                    ContentType = s.Saved.ContentType,
                    SizeBytes = s.Saved.SizeBytes,
                    UploadedAt = clock.GetUtcNow().UtcDateTime,
                }));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return WriteResult.Done(new Saved(recordId, entity.Version, isNew));
        }
        catch (DbUpdateConcurrencyException)
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            return WriteResult.Stale<Saved>(SectionForms.Stale);
        }
        catch
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            throw;
        }
    }

    /// <summary>The record, or why the user gets none: not found when they may not see it, refused when they may only read it.</summary>
    private async Task<(TEntity? Entity, WriteResult<T>? Refused)> FindAsync<T>(SectionScope scope, int id, CancellationToken ct)
    {
        var entity = await rules.FindAsync(db, id, ct);
        return (entity is null ? RecordAccess.None : rules.AccessTo(scope, entity)) switch
        {
            RecordAccess.None => (null, WriteResult.NotFound<T>(NotFoundMessage)),
            RecordAccess.Read => (null, WriteResult.Refused<T>(ReadOnlyMessage)),
            _ => (entity, null),
        };
    }

    /// <summary>The user as the registers of section III see them, loaded once per handler (a request, or a whole import).</summary>
    private async Task<SectionScope> SectionAsync(UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (section is null || !ReferenceEquals(section.User, user))
        {
            section = await SectionLookups.ScopeAsync(db, directory, clock, user, ct);
        }

        return section;
    }
}
