"""Maintenance scripts for the events data files."""
