using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>What the dossier tests do through the dossier pages (as a person) and through the API (as a program with a token).</summary>
public static class DossierClient
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>Plain text named as a PDF: refused by its content.</summary>
    public static readonly byte[] NotPdf = Encoding.UTF8.GetBytes("Đây không phải tệp PDF.");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> OpenOnPageAsync(HttpClient person, int product, int year, DossierVariant variant, string? notes = null)
    {
        var form = (await person.GetFormAsync($"/Dossiers/Create/{product}"))
            .Set("Input.Year", Invariant(year)).Set("Input.Variant", variant.ToString()).Set("Input.Notes", notes);
        return await person.PostFormAsync(form);
    }

    public static Task<HttpResponseMessage> OpenThroughApiAsync(HttpClient api, int product, int year, DossierVariant variant, string? notes = null) =>
        api.PostJsonAsync("/api/v1/dossiers", new OpenDossier.Command { ProductId = product, Year = year, Variant = variant, Notes = notes });

    /// <summary>Posts one of the dossier page's forms (Notes, Submit, Return, Accept) as the page shows it, with some fields set.</summary>
    public static async Task<HttpResponseMessage> PostOnPageAsync(HttpClient person, int id, string handler, params (string Name, string? Value)[] fields)
    {
        var form = await person.GetFormAsync($"/Dossiers/Details/{id}", handler);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await person.PostFormAsync(form);
    }

    /// <summary>A change through the API from a version (null sends no If-Match).</summary>
    public static Task<HttpResponseMessage> ChangeThroughApiAsync(HttpClient api, int id, string step, int? version, object? body = null)
    {
        var request = new HttpRequestMessage(step == "notes" ? HttpMethod.Put : HttpMethod.Post, step == "notes" ? $"/api/v1/dossiers/{id}" : $"/api/v1/dossiers/{id}/{step}")
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json),
        };
        if (version is int v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"" + Invariant(v) + "\"");
        }

        return api.SendAsync(request);
    }

    /// <summary>Posts what the page's upload form posts (antiforgery token, item, file).</summary>
    public static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient person, int id, int item, string name, byte[] bytes)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await person.TokenAsync()), HtmlForm.TokenField },
            { new StringContent(Invariant(item)), "item" },
        };
        content.Add(File(bytes), "file", name);
        return await person.PostAsync($"/Dossiers/Details/{id}?handler=Upload", content);
    }

    public static async Task<HttpResponseMessage> UploadThroughApiAsync(HttpClient api, int id, int? item, string name, byte[]? bytes)
    {
        using var content = new MultipartFormDataContent();
        if (item is int i)
        {
            content.Add(new StringContent(Invariant(i)), "item");
        }

        if (bytes is not null)
        {
            content.Add(File(bytes), "file", name);
        }

        return await api.PostAsync($"/api/v1/dossiers/{id}/documents", content);
    }

    private static ByteArrayContent File(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return file;
    }

    public static Task<Dossier> DossierAsync(this AppFixture app, int id) => app.QueryAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));

    /// <summary>The required checklist items of a dossier, in checklist order, by the rule the page uses.</summary>
    public static Task<List<DossierChecklistItem>> RequiredItemsAsync(this AppFixture app, int id) => app.QueryAsync(async db =>
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Variant, d.Product!.Category!.Code }).SingleAsync();
        var items = await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived && i.Required).ToListAsync();
        return items.Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, dossier.Code, dossier.Variant))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
    });

    /// <summary>Rows of dossier files and the files stored, to show that a refused upload stored nothing.</summary>
    public static async Task<(int Rows, int Files)> StoredAsync(this AppFixture app)
    {
        var rows = await app.QueryAsync(db => db.DossierDocuments.CountAsync());
        var folder = Path.Combine(app.DataFolder, "dossiers");
        return (rows, Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    public static async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response, string what)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{what} answered {(int)response.StatusCode}, not {(int)expected}: {HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }
}
