using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// The product list is answered from memory (Features/Products/ProductListIndex): every save must show in the very
/// next search, including saves inside a transaction, which show once it commits and not before.
/// </summary>
public class ProductListFreshnessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_renamed_product_and_subject_are_found_by_their_new_names_at_once()
    {
        var client = await app.As(Demo.ProgramOffice);
        var productId = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var subjectId = await app.SubjectIdAsync(Demo.BaNam);
        Assert.Contains(productId, await IdsAsync(client, "q=banh+tet+la+cam"));

        await app.QueryAsync(async db =>
        {
            (await db.Products.SingleAsync(p => p.Id == productId)).Name = "Bánh ú lá tre Đa Lộc";
            (await db.Subjects.SingleAsync(s => s.Id == subjectId)).Name = "Hộ kinh doanh Cô Tư Xuyến";
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(productId, await IdsAsync(client, "q=banh+tet+la+cam"));
        Assert.Contains(productId, await IdsAsync(client, "q=banh+u+la+tre"));
        Assert.Contains(productId, await IdsAsync(client, "q=co+tu+xuyen"));
    }

    [Fact]
    public async Task A_change_saved_inside_a_transaction_shows_when_it_commits()
    {
        var client = await app.As(Demo.Leader);
        var productId = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        Assert.DoesNotContain(productId, await IdsAsync(client, "status=Archived"));

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Products.SingleAsync(p => p.Id == productId)).Status = ProductStatus.Archived;
            await db.SaveChangesAsync();
            // Not committed: a request now reloads the list and must still see the product as it was.
            Assert.DoesNotContain(productId, await IdsAsync(client, "status=Archived"));
            await transaction.CommitAsync();
            return 0;
        });

        Assert.Contains(productId, await IdsAsync(client, "status=Archived"));
        Assert.DoesNotContain(productId, await IdsAsync(client, "q=banh+tet"));
    }

    [Fact]
    public async Task A_new_product_is_listed_in_the_api_and_the_page_at_once()
    {
        var client = await app.As(Demo.ProgramOffice);
        var before = await IdsAsync(client, "q=keo+dua+sap");
        Assert.Empty(before);

        var subjectId = await app.SubjectIdAsync(Demo.UtHien);
        await app.QueryAsync(async db =>
        {
            var subject = await db.Subjects.SingleAsync(s => s.Id == subjectId);
            var category = await db.ProductCategories.FirstAsync(c => c.ProductSet != null);
            db.Products.Add(new Data.Product
            {
                Name = "Kẹo dừa sáp Mỹ Chánh",
                CategoryId = category.Id,
                SubjectId = subjectId,
                CommuneId = subject.CommuneId,
                Status = ProductStatus.Registered,
            });
            return await db.SaveChangesAsync();
        });

        var ids = await IdsAsync(client, "q=keo+dua+sap");
        Assert.Single(ids);
        var page = await client.GetPageAsync("/Products?q=keo+dua+sap");
        Assert.Equal(ids, Html.LinkedIds(page, "/Products/Details/"));
    }

    private static async Task<List<int>> IdsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/products?pageSize=100&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }
}
