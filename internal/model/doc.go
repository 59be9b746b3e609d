// Package model holds the handbook's domain: teams, concerns, meetings, action
// items, the scoring scale and the priority score. It is plain data with no
// I/O, so every rule about levels and priorities can be tested on its own.
package model
