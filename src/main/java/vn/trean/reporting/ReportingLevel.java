package vn.trean.reporting;

/**
 * Who sends a periodic report: a commune to the province (to the district labour office before the 2025
 * reform), or a province to the ministry.
 */
public enum ReportingLevel { COMMUNE, PROVINCE }
