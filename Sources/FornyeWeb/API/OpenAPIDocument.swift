import Foundation

/// The OpenAPI 3.1 description of `/api`, served at `/api/openapi.json`. A test checks that it
/// names every API route and that every response decodes into its schema; `scripts/validate-openapi.sh`
/// checks it with openapi-spec-validator.
public enum OpenAPIDocument {
    /// The whole document: the barometer's paths and schemas with each area's merged in.
    public static let json: String = merged(
        base: barometerJSON, parts: [(ProjectBankOpenAPI.paths, ProjectBankOpenAPI.schemas)])

    /// Adds each part's paths and schemas to `base`. A name defined twice is a programming error.
    static func merged(base: String, parts: [(paths: String, schemas: String)]) -> String {
        func object(_ text: String) -> [String: Any] {
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                preconditionFailure("an OpenAPI fragment is not a JSON object")
            }
            return value
        }
        var document = object(base)
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        for part in parts {
            paths.merge(object(part.paths)) { _, _ in preconditionFailure("an API path is described twice") }
            schemas.merge(object(part.schemas)) { _, _ in preconditionFailure("an API schema is described twice") }
        }
        components["schemas"] = schemas
        document["paths"] = paths
        document["components"] = components
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { preconditionFailure("the OpenAPI document cannot be serialised") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The filters every figure and estimate path takes (the domain), as parameter references.
    static let filterParameters = ["sector", "unit_type", "county", "centrality", "population_size"]
        .map { ##"{"$ref": "#/components/parameters/\##($0)"}"## }.joined(separator: ", ")

    /// A JSON response body of one of the document's schemas.
    static func json(_ schema: String) -> String {
        ##"{"application/json": {"schema": {"$ref": "#/components/schemas/\##(schema)"}}}"##
    }

    /// The answer for a wave that does not exist or is not published.
    static let noSuchWave = ##"{"description": "No such published wave.", "content": \##(problemContent)}"##

    /// The body of every error response: problem details (RFC 9457).
    static let problemContent = ##"{"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}"##

    /// The barometer's results API.
    static let barometerJSON = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Fornye API",
            "version": "1.0.0",
            "summary": "The Innovasjonsbarometer's published results.",
            "description": "Read-only results of the Innovasjonsbarometer. Numbers for the public have small cells suppressed, as on the pages; synthetic waves say synthetic: true. Errors are RFC 9457 problem details."
          },
          "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
          "servers": [
            {
              "url": "/"
            }
          ],
          "paths": {
            "/api/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": {
                  "200": {
                    "description": "The OpenAPI document.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/waves": {
              "get": {
                "operationId": "listWaves",
                "summary": "Published waves, paginated.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/page"
                  },
                  {
                    "$ref": "#/components/parameters/per_page"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A page of waves.",
                    "content": \#(Self.json("WavePage"))
                  },
                  "400": {
                    "description": "Malformed paging.",
                    "content": \#(Self.problemContent)
                  }
                }
              }
            },
            "/api/v1/waves/{wave}": {
              "get": {
                "operationId": "getWave",
                "summary": "A wave: its size, filters and estimable variables.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/wave"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The wave.",
                    "content": \#(Self.json("WaveDetail"))
                  },
                  "404": \#(Self.noSuchWave)
                }
              }
            },
            "/api/v1/waves/{wave}/figures": {
              "get": {
                "operationId": "listFigures",
                "summary": "The report's figures for the wave, within the filters' domain.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/wave"
                  },
                  \#(Self.filterParameters)
                ],
                "responses": {
                  "200": {
                    "description": "The figures.",
                    "content": \#(Self.json("FigureList"))
                  },
                  "400": {
                    "description": "An invalid filter.",
                    "content": \#(Self.problemContent)
                  },
                  "404": \#(Self.noSuchWave)
                }
              }
            },
            "/api/v1/waves/{wave}/figures/{figure}": {
              "get": {
                "operationId": "getFigure",
                "summary": "A figure's table, with the same numbers and suppression as the page.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/wave"
                  },
                  {
                    "$ref": "#/components/parameters/figure"
                  },
                  \#(Self.filterParameters)
                ],
                "responses": {
                  "200": {
                    "description": "The table.",
                    "content": \#(Self.json("FigureTable"))
                  },
                  "400": {
                    "description": "An invalid filter.",
                    "content": \#(Self.problemContent)
                  },
                  "404": {
                    "description": "No such wave or figure.",
                    "content": \#(Self.problemContent)
                  }
                }
              }
            },
            "/api/v1/waves/{wave}/estimates": {
              "get": {
                "operationId": "getEstimates",
                "summary": "Design-based estimates of any variable, by up to two breakdowns, within a domain.",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/wave"
                  },
                  {
                    "$ref": "#/components/parameters/variable"
                  },
                  {
                    "$ref": "#/components/parameters/by"
                  },
                  \#(Self.filterParameters)
                ],
                "responses": {
                  "200": {
                    "description": "The estimates.",
                    "content": \#(Self.json("Estimates"))
                  },
                  "400": {
                    "description": "A missing or invalid parameter.",
                    "content": \#(Self.problemContent)
                  },
                  "404": \#(Self.noSuchWave)
                }
              },
              "post": {
                "operationId": "postEstimates",
                "summary": "The same estimates, asked in a JSON body (at most 16 kB).",
                "parameters": [
                  {
                    "$ref": "#/components/parameters/wave"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": \#(Self.json("EstimateQuery"))
                },
                "responses": {
                  "200": {
                    "description": "The estimates.",
                    "content": \#(Self.json("Estimates"))
                  },
                  "400": {
                    "description": "An invalid body or parameter.",
                    "content": \#(Self.problemContent)
                  },
                  "404": \#(Self.noSuchWave),
                  "413": {
                    "description": "The body is larger than 16 kB.",
                    "content": \#(Self.problemContent)
                  },
                  "415": {
                    "description": "The body is not application/json.",
                    "content": \#(Self.problemContent)
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "WaveSummary": {
                "type": "object",
                "properties": {
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "shortTitle": {
                    "type": "string"
                  },
                  "synthetic": {
                    "type": "boolean"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "draft",
                      "open",
                      "closed",
                      "published"
                    ]
                  },
                  "links": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "slug",
                  "title",
                  "shortTitle",
                  "synthetic",
                  "status",
                  "links"
                ],
                "additionalProperties": false
              },
              "WavePage": {
                "type": "object",
                "properties": {
                  "items": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/WaveSummary"
                    }
                  },
                  "page": {
                    "type": "integer"
                  },
                  "perPage": {
                    "type": "integer"
                  },
                  "total": {
                    "type": "integer"
                  }
                },
                "required": [
                  "items",
                  "page",
                  "perPage",
                  "total"
                ],
                "additionalProperties": false,
                "description": "One page of waves; total counts all waves visible to the caller."
              },
              "CodeLabel": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "integer"
                  },
                  "label": {
                    "type": "string"
                  },
                  "labelEnglish": {
                    "type": "string"
                  }
                },
                "required": [
                  "code",
                  "label"
                ],
                "additionalProperties": false
              },
              "Filter": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "label": {
                    "type": "string"
                  },
                  "codes": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/CodeLabel"
                    }
                  }
                },
                "required": [
                  "name",
                  "label",
                  "codes"
                ],
                "additionalProperties": false
              },
              "Variable": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "label": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "singleChoice",
                      "ordinal",
                      "numeric",
                      "multipleResponse"
                    ]
                  }
                },
                "required": [
                  "name",
                  "label",
                  "kind"
                ],
                "additionalProperties": false
              },
              "WaveDetail": {
                "type": "object",
                "properties": {
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "shortTitle": {
                    "type": "string"
                  },
                  "synthetic": {
                    "type": "boolean"
                  },
                  "status": {
                    "type": "string"
                  },
                  "responses": {
                    "type": "integer"
                  },
                  "structureDate": {
                    "type": "string"
                  },
                  "filters": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Filter"
                    }
                  },
                  "variables": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Variable"
                    }
                  },
                  "links": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "slug",
                  "title",
                  "shortTitle",
                  "synthetic",
                  "status",
                  "responses",
                  "filters",
                  "variables",
                  "links"
                ],
                "additionalProperties": false
              },
              "FigureSummary": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "number": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "section": {
                    "type": "string"
                  },
                  "base": {
                    "type": "string"
                  },
                  "hasChart": {
                    "type": "boolean"
                  },
                  "links": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "id",
                  "number",
                  "title",
                  "section",
                  "base",
                  "hasChart",
                  "links"
                ],
                "additionalProperties": false
              },
              "FigureList": {
                "type": "object",
                "properties": {
                  "wave": {
                    "type": "string"
                  },
                  "synthetic": {
                    "type": "boolean"
                  },
                  "suppressed": {
                    "type": "boolean",
                    "description": "True when small cells are hidden (every caller but analysts)."
                  },
                  "filters": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    },
                    "description": "The filters in force: variable name → code."
                  },
                  "figures": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/FigureSummary"
                    }
                  }
                },
                "required": [
                  "wave",
                  "synthetic",
                  "suppressed",
                  "filters",
                  "figures"
                ],
                "additionalProperties": false
              },
              "TableRow": {
                "type": "object",
                "properties": {
                  "header": {
                    "type": "string"
                  },
                  "cells": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "emphasised": {
                    "type": "boolean"
                  }
                },
                "required": [
                  "header",
                  "cells",
                  "emphasised"
                ],
                "additionalProperties": false
              },
              "CSVData": {
                "type": "object",
                "properties": {
                  "header": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                },
                "required": [
                  "header",
                  "rows"
                ],
                "additionalProperties": false
              },
              "FigureTable": {
                "type": "object",
                "properties": {
                  "wave": {
                    "type": "string"
                  },
                  "id": {
                    "type": "string"
                  },
                  "number": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "caption": {
                    "type": "string"
                  },
                  "base": {
                    "type": "string"
                  },
                  "synthetic": {
                    "type": "boolean"
                  },
                  "suppressed": {
                    "type": "boolean"
                  },
                  "filters": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    },
                    "description": "The filters in force: variable name → code."
                  },
                  "rowHeader": {
                    "type": "string"
                  },
                  "columns": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "rows": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/TableRow"
                    }
                  },
                  "notes": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "data": {
                    "$ref": "#/components/schemas/CSVData"
                  }
                },
                "required": [
                  "wave",
                  "id",
                  "number",
                  "title",
                  "caption",
                  "base",
                  "synthetic",
                  "suppressed",
                  "filters",
                  "rowHeader",
                  "columns",
                  "rows",
                  "notes",
                  "data"
                ],
                "additionalProperties": false,
                "description": "A figure's table as the page shows it (bokmål text; hidden cells read «skjult» or «for usikker») and its numbers as plain values."
              },
              "DomainValue": {
                "type": "object",
                "properties": {
                  "variable": {
                    "type": "string"
                  },
                  "code": {
                    "type": "integer"
                  },
                  "label": {
                    "type": "string"
                  }
                },
                "required": [
                  "variable",
                  "code",
                  "label"
                ],
                "additionalProperties": false
              },
              "CategoryValue": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "integer"
                  },
                  "item": {
                    "type": "string"
                  },
                  "label": {
                    "type": "string"
                  }
                },
                "required": [
                  "label"
                ],
                "additionalProperties": false
              },
              "Cell": {
                "type": "object",
                "properties": {
                  "domain": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/DomainValue"
                    }
                  },
                  "category": {
                    "$ref": "#/components/schemas/CategoryValue"
                  },
                  "n": {
                    "type": "integer"
                  },
                  "count": {
                    "type": "integer"
                  },
                  "weightedBase": {
                    "type": "number"
                  },
                  "estimate": {
                    "type": "number"
                  },
                  "standardError": {
                    "type": "number"
                  },
                  "lower": {
                    "type": "number"
                  },
                  "upper": {
                    "type": "number"
                  },
                  "designEffect": {
                    "type": "number"
                  },
                  "degreesOfFreedom": {
                    "type": "integer"
                  },
                  "flags": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "enum": [
                        "suppressedPrimary",
                        "suppressedSecondary",
                        "unreliable",
                        "reviewWidth",
                        "suppressedUnreliable",
                        "reviewDegreesOfFreedom",
                        "reviewZeroOrOne",
                        "emptyDomain",
                        "noVariance"
                      ]
                    }
                  }
                },
                "required": [
                  "domain",
                  "flags"
                ],
                "additionalProperties": false,
                "description": "One estimate. n is the unweighted base, count the unweighted cell count; a member is absent when disclosure control withholds it or it cannot be estimated."
              },
              "Estimates": {
                "type": "object",
                "properties": {
                  "wave": {
                    "type": "string"
                  },
                  "variable": {
                    "type": "string"
                  },
                  "label": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "share",
                      "shareOfRespondents",
                      "mean"
                    ]
                  },
                  "by": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "filters": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    },
                    "description": "The filters in force: variable name → code."
                  },
                  "confidenceLevel": {
                    "type": "number"
                  },
                  "intervalMethod": {
                    "type": "string"
                  },
                  "synthetic": {
                    "type": "boolean"
                  },
                  "suppressed": {
                    "type": "boolean"
                  },
                  "cells": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Cell"
                    }
                  }
                },
                "required": [
                  "wave",
                  "variable",
                  "label",
                  "kind",
                  "by",
                  "filters",
                  "confidenceLevel",
                  "intervalMethod",
                  "synthetic",
                  "suppressed",
                  "cells"
                ],
                "additionalProperties": false
              },
              "EstimateQuery": {
                "type": "object",
                "properties": {
                  "variable": {
                    "type": "string"
                  },
                  "by": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "filters": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    },
                    "description": "The filters in force: variable name → code."
                  }
                },
                "required": [
                  "variable"
                ],
                "additionalProperties": false
              },
              "Problem": {
                "type": "object",
                "description": "RFC 9457 problem details.",
                "properties": {
                  "type": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "status": {
                    "type": "integer"
                  },
                  "detail": {
                    "type": "string"
                  },
                  "instance": {
                    "type": "string"
                  },
                  "parameter": {
                    "type": "string",
                    "description": "The request parameter at fault."
                  }
                },
                "required": [
                  "type",
                  "title",
                  "status",
                  "detail",
                  "instance"
                ]
              }
            },
            "parameters": {
              "wave": {
                "name": "wave",
                "in": "path",
                "required": true,
                "description": "The wave's slug, e.g. 2018-syntetisk.",
                "schema": {
                  "type": "string"
                }
              },
              "figure": {
                "name": "figure",
                "in": "path",
                "required": true,
                "description": "The figure's id, e.g. fig-4-1.",
                "schema": {
                  "type": "string"
                }
              },
              "sector": {
                "name": "sector",
                "in": "query",
                "required": false,
                "description": "Domain: sector code (see the wave's filters).",
                "schema": {
                  "type": "integer"
                }
              },
              "unit_type": {
                "name": "unit_type",
                "in": "query",
                "required": false,
                "description": "Domain: unit type code.",
                "schema": {
                  "type": "integer"
                }
              },
              "county": {
                "name": "county",
                "in": "query",
                "required": false,
                "description": "Domain: county code.",
                "schema": {
                  "type": "integer"
                }
              },
              "centrality": {
                "name": "centrality",
                "in": "query",
                "required": false,
                "description": "Domain: SSB centrality class.",
                "schema": {
                  "type": "integer"
                }
              },
              "population_size": {
                "name": "population_size",
                "in": "query",
                "required": false,
                "description": "Domain: population size class.",
                "schema": {
                  "type": "integer"
                }
              },
              "page": {
                "name": "page",
                "in": "query",
                "required": false,
                "description": "Page number, from 1.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "default": 1
                }
              },
              "per_page": {
                "name": "per_page",
                "in": "query",
                "required": false,
                "description": "Waves per page, 1–100.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100,
                  "default": 20
                }
              },
              "variable": {
                "name": "variable",
                "in": "query",
                "required": true,
                "description": "A single-choice, ordinal or numeric variable, or a multiple-response set.",
                "schema": {
                  "type": "string"
                }
              },
              "by": {
                "name": "by",
                "in": "query",
                "required": false,
                "description": "Up to two coded breakdown variables, comma-separated.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
        """#
}
