/// The project bank's part of the OpenAPI 3.1 document: `paths` and `components.schemas` to be
/// merged into `/api/openapi.json` by whoever serves it. Kept as JSON text so it can be merged
/// without sharing Swift types.
public enum ProjectBankOpenAPI {
    public static let paths = #"""
        {
          "/api/v1/projects": {
            "get": {
              "summary": "Search published projects (full text, facets, sorting, pages)",
              "operationId": "listProjects",
              "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 500}, "description": "Words; Norwegian and English stemming"},
                {"name": "type", "in": "query", "schema": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 4}}, "style": "form", "explode": true, "description": "KS innovation type codes"},
                {"name": "stage", "in": "query", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ProjectStage"}}, "style": "form", "explode": true},
                {"name": "sector", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}}, "style": "form", "explode": true},
                {"name": "county", "in": "query", "schema": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{2}$"}}, "style": "form", "explode": true},
                {"name": "centrality", "in": "query", "schema": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}}, "style": "form", "explode": true},
                {"name": "research", "in": "query", "schema": {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 3}}, "style": "form", "explode": true},
                {"name": "evaluated", "in": "query", "schema": {"type": "boolean"}},
                {"name": "discontinued", "in": "query", "schema": {"type": "boolean"}},
                {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "newest", "title"]}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
                {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
              ],
              "responses": {
                "200": {"description": "A page of projects with facet counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectList"}}}},
                "400": {"description": "A parameter value outside its schema; the problem names the parameter", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
              }
            }
          },
          "/api/v1/projects/{slug}": {
            "get": {
              "summary": "One published project",
              "operationId": "getProject",
              "parameters": [{"name": "slug", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {
                "200": {"description": "The project", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectItem"}}}},
                "404": {"description": "No such published project"}
              }
            }
          },
          "/prosjekter/{slug}/vedlegg/{id}": {
            "get": {
              "summary": "Download one attachment of a published project (the URL in ProjectAttachment.url)",
              "operationId": "getProjectAttachment",
              "parameters": [
                {"name": "slug", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
              ],
              "responses": {
                "200": {
                  "description": "The file, always with Content-Disposition: attachment, X-Content-Type-Options: nosniff and the content type Fornye stored for its checked kind",
                  "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    "image/png": {"schema": {"type": "string", "format": "binary"}},
                    "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                    "application/vnd.oasis.opendocument.text": {"schema": {"type": "string", "format": "binary"}},
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}},
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
                    "text/csv": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}}
                  }
                },
                "404": {"description": "No such attachment on a published project"}
              }
            }
          }
        }
        """#

    public static let schemas = #"""
        {
          "ProjectStage": {"type": "string", "enum": ["idea", "development", "pilot", "implemented", "spread", "discontinued", "unknown"]},
          "ProjectList": {
            "type": "object",
            "required": ["total", "page", "perPage", "facets", "projects"],
            "properties": {
              "total": {"type": "integer"},
              "page": {"type": "integer"},
              "perPage": {"type": "integer"},
              "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}},
              "projects": {"type": "array", "items": {"$ref": "#/components/schemas/ProjectItem"}}
            }
          },
          "ProjectItem": {
            "type": "object",
            "required": ["slug", "status", "ownerName", "completeness", "version", "updatedAt", "document", "attachments"],
            "properties": {
              "slug": {"type": "string"},
              "status": {"type": "string", "enum": ["published"]},
              "ownerName": {"type": "string"},
              "countyNumber": {"type": "string"},
              "centrality": {"type": "integer"},
              "completeness": {"type": "integer", "minimum": 0, "maximum": 100},
              "version": {"type": "integer"},
              "updatedAt": {"type": "string", "format": "date-time"},
              "document": {"$ref": "#/components/schemas/ProjectDocument"},
              "attachments": {"type": "array", "items": {"$ref": "#/components/schemas/ProjectAttachment"}}
            }
          },
          "ProjectAttachment": {
            "type": "object",
            "description": "Metadata of a file attached to the project; the bytes are at url.",
            "required": ["name", "type", "size", "url"],
            "properties": {
              "name": {"type": "string", "maxLength": 120, "description": "Sanitised file name"},
              "type": {"type": "string", "description": "Content type the file is served with"},
              "size": {"type": "integer", "minimum": 1, "description": "Bytes"},
              "url": {"type": "string", "description": "Download address, relative to the site"}
            }
          },
          "ProjectDocument": {
            "type": "object",
            "description": "Every field of a project; see docs/PROJECTBANK.md. Contacts without consent to publish are left out.",
            "additionalProperties": true,
            "properties": {
              "title": {"type": "string", "maxLength": 200},
              "summary": {"type": "string", "maxLength": 2000},
              "problem": {"type": "string"}, "targetGroup": {"type": "string"}, "solution": {"type": "string"},
              "novelty": {"type": "string"}, "noveltyLevel": {"type": "integer"}, "inspiration": {"type": "integer"},
              "innovationTypes": {"type": "array", "items": {"type": "integer"}},
              "sector": {"type": "integer"}, "unitType": {"type": "integer"}, "serviceArea": {"type": "string"},
              "ownerMunicipality": {"type": "string", "pattern": "^[0-9]{4}$"}, "ownerName": {"type": "string"},
              "country": {"type": "string"},
              "partners": {"type": "array", "items": {"type": "object"}},
              "research": {"type": "object", "properties": {"degree": {"type": "integer"}, "projectQuality": {"type": "integer"}, "knowledgeContribution": {"type": "integer"}}},
              "seeksResearchPartner": {"type": "boolean"},
              "startMode": {"type": "string", "enum": ["result_oriented", "process_oriented"]},
              "initiative": {"type": "string", "enum": ["bottom_up", "top_down"]},
              "organisation": {"type": "string"},
              "stage": {"$ref": "#/components/schemas/ProjectStage"},
              "startDate": {"type": "string"}, "endDate": {"type": "string"},
              "financing": {"type": "array", "items": {"type": "object"}},
              "results": {"type": "array", "items": {"type": "object"}},
              "evaluated": {"type": "boolean"},
              "evidenceLevel": {"type": "string", "enum": ["none", "anecdotal", "before_after", "comparison", "randomised"]},
              "evaluationText": {"type": "string"}, "challenges": {"type": "string"}, "lessons": {"type": "string"},
              "reuseConditions": {"type": "string"},
              "contacts": {"type": "array", "items": {"type": "object"}},
              "links": {"type": "array", "items": {"type": "object"}},
              "basedOn": {"type": "string"}, "licence": {"type": "string"},
              "source": {"type": "object", "properties": {"name": {"type": "string"}, "identifier": {"type": "string"}, "url": {"type": "string"}, "licence": {"type": "string"}}},
              "synthetic": {"type": "boolean"}, "language": {"type": "string", "enum": ["nb", "nn", "en"]}
            }
          }
        }
        """#
}
