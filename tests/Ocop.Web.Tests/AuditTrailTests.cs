using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>The audit trail names real records: ids that exist, never EF's temporary keys; and it is never rewritten.</summary>
public class AuditTrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_registry_load_is_audited_once_by_its_file_not_unit_by_unit()
    {
        var units = await app.QueryAsync(db => db.Units.CountAsync());
        var import = await app.QueryAsync(db => db.ReferenceFileImports.AsNoTracking().SingleAsync(f => f.Name == ReferenceData.UnitsFile));
        Assert.Equal($"{units} đơn vị: {units} thêm mới, 0 đổi tên", import.Summary);
        Assert.Empty(await app.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AdministrativeUnit)).ToListAsync()));
        var created = (await app.AuditAsync(nameof(ReferenceFileImport), ReferenceData.UnitsFile)).Single();
        Assert.Equal(import.Sha256, created.Change("Sha256").New);
    }

    [Fact]
    public async Task Seeded_subjects_and_products_are_audited_with_the_real_ids_of_the_records_they_point_to()
    {
        var subjects = await app.QueryAsync(db => db.Subjects.AsNoTracking().ToListAsync());
        foreach (var subject in subjects)
        {
            var created = (await app.AuditAsync(nameof(Subject), subject.Id))[0];
            Assert.Equal(Format(subject.CommuneId), created.Change("CommuneId").New);
            Assert.Equal(Format(subject.CraftVillageId), created.Changes.SingleOrDefault(c => c.Field == "CraftVillageId")?.New);
        }

        var products = await app.QueryAsync(db => db.Products.AsNoTracking().ToListAsync());
        foreach (var product in products)
        {
            var created = (await app.AuditAsync(nameof(Product), product.Id))[0];
            Assert.Equal(Format(product.SubjectId), created.Change("SubjectId").New);
            Assert.Equal(Format(product.CategoryId), created.Change("CategoryId").New);
        }
    }

    [Fact]
    public async Task No_audit_row_holds_a_temporary_key()
    {
        var rows = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var temporary = rows.SelectMany(r => AuditRow.From(r).Changes.Select(c => (r.EntityType, r.EntityId, c.Field, c.New)))
            .Where(c => c.Field.EndsWith("Id", StringComparison.Ordinal) && int.TryParse(c.New, CultureInfo.InvariantCulture, out var id) && id <= 0)
            .ToList();
        Assert.Empty(temporary);
        Assert.DoesNotContain(rows, r => r.EntityId.StartsWith('-'));
    }

    [Fact]
    public async Task The_audit_trail_can_be_neither_changed_nor_deleted()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();

        entry.UserName = "người sửa lén";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        Assert.NotEqual("người sửa lén", (await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).FirstAsync()).UserName);
    }

    [Fact]
    public async Task Registry_records_are_archived_never_deleted()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var subjects = await db.Subjects.CountAsync();
        db.Subjects.Remove(await db.Subjects.OrderBy(s => s.Id).FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Equal(subjects, await app.QueryAsync(d => d.Subjects.CountAsync()));
    }

    private static string? Format(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
